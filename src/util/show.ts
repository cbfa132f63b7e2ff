/**
 * A value from the input as short text for a message. Parsed YAML mappings have no prototype, so
 * `String(v)` throws on them; a mapping or a list is shown by its shape instead.
 */
export function showValue(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null) return "null";
  if (Array.isArray(v)) return "[…]";
  if (typeof v === "object") return "{…}";
  return String(v);
}
