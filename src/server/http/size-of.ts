// What a kept answer costs in memory, roughly: kept answers are bounded by size (content-cache.ts).
/**
 * About how many bytes a kept value holds: strings by their length (one byte a character, as V8 keeps most text),
 * binary data by its size, and a few bytes for each number, property and element. Values are read once, when
 * kept.
 */
export function sizeOf(value: unknown, seen = new Set<object>()): number {
  if (typeof value === 'string') return 16 + value.length;
  if (value === null || typeof value !== 'object') return 8;
  if (seen.has(value)) return 8;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return 64 + value.byteLength;
  if (value instanceof ArrayBuffer) return 64 + value.byteLength;
  let bytes = 32;
  if (value instanceof Map) {
    for (const [k, v] of value) bytes += 16 + sizeOf(k, seen) + sizeOf(v, seen);
    return bytes;
  }
  if (value instanceof Set || Array.isArray(value)) {
    for (const v of value as Iterable<unknown>) bytes += 8 + sizeOf(v, seen);
    return bytes;
  }
  for (const [k, v] of Object.entries(value)) bytes += 8 + k.length + sizeOf(v, seen);
  return bytes;
}
