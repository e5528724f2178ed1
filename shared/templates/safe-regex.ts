/**
 * Regular expressions written by template authors (text patterns, custom
 * identifier schemes, `matches` conditions). They are data, so they are
 * compiled defensively: a syntax error is a definition error, a pattern with
 * nested unbounded repetition ("(a+)+", the classic catastrophic-backtracking
 * shape) is refused, and the text tested against a pattern is capped so no
 * value can make the editor hang.
 */

/** Longer values are not tested against patterns (reported as too long instead). */
export const MAX_PATTERN_INPUT = 1000;

export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; message: string };

const cache = new Map<string, CompiledRegex>();

/**
 * True when a group that itself contains an unbounded quantifier (+, *, {n,})
 * or an alternation is repeated without bound: such patterns can take
 * exponential time on a near-miss input.
 */
export function hasNestedRepetition(source: string): boolean {
  // For each open group: does it contain an unbounded quantifier or a "|"?
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      continue;
    }
    const unboundedHere = c === '+' || c === '*' || (c === '{' && /^\{\d*,\}/.test(source.slice(i)));
    if (c === '|' || unboundedHere) {
      if (stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    if (c === ')') {
      const risky = stack.pop() ?? false;
      const next = source.slice(i + 1);
      const repeated = /^(?:[+*]|\{\d*,\})/.test(next);
      if (risky && repeated) return true;
      // A risky group marks its parent risky too: ((a+)b)+ is as bad.
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
    }
  }
  return false;
}

/**
 * Compiles an author's pattern. `flags` is "" or "i". Results are cached, so
 * evaluating a block does not recompile its template's patterns.
 */
export function compileUserRegex(source: string, flags: '' | 'i' = ''): CompiledRegex {
  const key = `${flags}/${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: CompiledRegex;
  if (typeof source !== 'string' || source.length > 300) {
    result = { ok: false, message: 'a pattern is at most 300 characters' };
  } else if (hasNestedRepetition(source)) {
    result = {
      ok: false,
      message: `the pattern /${source}/ repeats a repeated group, which can make checking a value hang; simplify it`,
    };
  } else {
    try {
      result = { ok: true, regex: new RegExp(source, flags) };
    } catch (e) {
      result = { ok: false, message: `/${source}/ is not a valid regular expression (${(e as Error).message})` };
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

/** Tests a capped value; values above {@link MAX_PATTERN_INPUT} characters never match. */
export function testCapped(regex: RegExp, text: string): boolean {
  if (text.length > MAX_PATTERN_INPUT) return false;
  regex.lastIndex = 0;
  return regex.test(text);
}
