/** A fixed-size set of small integers, for host sets and service-atom sets. */
export class Bitset {
  readonly words: Uint32Array;
  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }
  static full(size: number): Bitset {
    const b = new Bitset(size);
    for (let i = 0; i < size; i++) b.add(i);
    return b;
  }
  add(i: number): void {
    this.words[i >>> 5] = (this.words[i >>> 5] as number) | (1 << (i & 31));
  }
  has(i: number): boolean {
    return (((this.words[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
  }
  orInPlace(o: Bitset): this {
    for (let i = 0; i < this.words.length; i++) this.words[i] = (this.words[i] as number) | (o.words[i] as number);
    return this;
  }
  and(o: Bitset): Bitset {
    const r = new Bitset(this.size);
    for (let i = 0; i < this.words.length; i++) r.words[i] = (this.words[i] as number) & (o.words[i] as number);
    return r;
  }
  or(o: Bitset): Bitset {
    const r = new Bitset(this.size);
    for (let i = 0; i < this.words.length; i++) r.words[i] = (this.words[i] as number) | (o.words[i] as number);
    return r;
  }
  equals(o: Bitset): boolean {
    for (let i = 0; i < this.words.length; i++) if (this.words[i] !== o.words[i]) return false;
    return true;
  }
  andNot(o: Bitset): Bitset {
    const r = new Bitset(this.size);
    for (let i = 0; i < this.words.length; i++) r.words[i] = (this.words[i] as number) & ~(o.words[i] as number);
    return r;
  }
  isEmpty(): boolean {
    for (const w of this.words) if (w !== 0) return false;
    return true;
  }
  intersects(o: Bitset): boolean {
    for (let i = 0; i < this.words.length; i++) if (((this.words[i] as number) & (o.words[i] as number)) !== 0) return true;
    return false;
  }
  isSubsetOf(o: Bitset): boolean {
    for (let i = 0; i < this.words.length; i++) if (((this.words[i] as number) & ~(o.words[i] as number)) !== 0) return false;
    return true;
  }
  *[Symbol.iterator](): IterableIterator<number> {
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        yield (w << 5) + bit;
        word &= word - 1;
      }
    }
  }
  first(): number {
    for (const i of this) return i;
    return -1;
  }
  count(): number {
    let n = 0;
    for (let w of this.words) {
      while (w !== 0) {
        w &= w - 1;
        n++;
      }
    }
    return n;
  }
  key(): string {
    return Array.from(this.words, (w) => w.toString(36)).join(",");
  }
}
