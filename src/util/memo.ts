/** A Map or a WeakMap: what `memo` keeps its values in. */
interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value kept in `store` for `key`, made by `make` the first time it is asked for (per design,
 * per analysis, per firewall: facts and selections that many rules read). `make` must not return
 * undefined: an undefined value is made again at every call.
 */
export function memo<K, V>(store: Store<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
