import { MAX_CONTENT_CHARS } from '../../shared/domain/lexical-schema';

/**
 * Nesting allowed in any request. A Lexical document at its deepest legal
 * nesting (MAX_NODE_DEPTH nodes, each an object plus a children array) is
 * about 130 levels; zod's recursive parse overflows the stack near 800.
 */
export const MAX_INPUT_DEPTH = 256;
/** Values (objects, arrays, scalars) in one request: bounds the walk itself. */
export const MAX_INPUT_VALUES = 5_000_000;

/**
 * Checks that a request is plain JSON-like data before its schema sees it:
 * only null, booleans, finite numbers, strings, arrays and plain objects
 * (undefined stands for "absent"). Electron's structured clone also carries
 * BigInt, Date, Map, typed arrays and cycles; loose schema positions (extra
 * keys on Lexical nodes) would let those reach JSON.stringify and the hash,
 * which fail or silently change them. Iterative, so hostile nesting cannot
 * overflow the stack; a cycle shows up as exceeding the depth limit.
 * Returns a description of the first problem, or null.
 */
export function plainDataProblem(input: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    values += 1;
    if (values > MAX_INPUT_VALUES) return 'the request is too large';
    if (value === null || value === undefined || typeof value === 'boolean') continue;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > MAX_CONTENT_CHARS) return `the request holds more than ${MAX_CONTENT_CHARS} characters`;
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'numbers must be finite';
      continue;
    }
    if (typeof value !== 'object') return `a ${typeof value} is not plain data`;
    if (depth >= MAX_INPUT_DEPTH) return `the request nests deeper than ${MAX_INPUT_DEPTH} levels`;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return 'only plain objects and arrays are accepted';
    for (const key of Object.keys(value)) {
      chars += key.length;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
