/**
 * JSON text for results that may hold values JSON cannot spell.
 *
 * Main definitions
 * - `toJsonText(value, indent)`: JSON.stringify where a bigint becomes its
 *   decimal string and a non-finite number its name ("Infinity", "-Infinity",
 *   "NaN") instead of throwing or silently becoming null.
 */
export function toJsonText(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
      return item;
    },
    indent,
  );
}
