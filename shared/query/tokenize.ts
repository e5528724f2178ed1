import type { ComparisonOp, QueryError } from './ast';

/**
 * Splits a query into tokens. Columns are 1-based positions in the text (in
 * UTF-16 code units, which is what an editor's cursor counts for everything
 * but astral characters).
 */

export type Token =
  | { type: 'op'; op: ComparisonOp; column: number; text: string }
  | { type: 'lparen' | 'rparen' | 'comma'; column: number; text: string }
  | { type: 'keyword'; keyword: 'and' | 'or' | 'not' | 'in'; column: number; text: string }
  /** A number; `unit` is set when letters follow it without a space ("10uM", "5%"). */
  | { type: 'number'; value: number; unit: string | null; unitColumn: number | null; column: number; text: string }
  | { type: 'word'; value: string; column: number; text: string }
  | { type: 'string'; value: string; column: number; text: string }
  | { type: 'end'; column: number; text: string };

const KEYWORDS = new Set(['and', 'or', 'not', 'in']);
/** Characters that end a word. '!' ends one only before '='. */
const STOP = new Set(['(', ')', ',', '=', '<', '>', '~', '"', "'"]);
const NUMBER_PREFIX = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;
/** What may follow a number directly as its unit: a letter, µ, % or a degree sign. */
const UNIT_START = /^[\p{L}%\u00b5\u00b0]/u;

export const MAX_QUERY_LENGTH = 2000;

export class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
    this.name = 'QuerySyntaxError';
  }
}

export function syntaxError(message: string, column: number): QuerySyntaxError {
  return new QuerySyntaxError({ message: `${message}`, column });
}

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start] as string;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) return { value, end: i + 1 };
    value += c;
    i += 1;
  }
  throw syntaxError(`unclosed quote: the ${quote} at column ${start + 1} has no closing ${quote}`, start + 1);
}

/** A word classified: keyword, number (with a unit written straight after it) or plain word. */
function classify(word: string, column: number): Token {
  const lower = word.toLowerCase();
  if (KEYWORDS.has(lower))
    return { type: 'keyword', keyword: lower as 'and' | 'or' | 'not' | 'in', column, text: word };
  const m = NUMBER_PREFIX.exec(word);
  if (m) {
    const rest = word.slice(m[0].length);
    const value = Number(m[0]);
    if (rest === '' && Number.isFinite(value))
      return { type: 'number', value, unit: null, unitColumn: null, column, text: word };
    if (UNIT_START.test(rest) && Number.isFinite(value)) {
      return { type: 'number', value, unit: rest, unitColumn: column + m[0].length, column, text: word };
    }
  }
  return { type: 'word', value: word, column, text: word };
}

export function tokenize(text: string): Token[] {
  if (text.length > MAX_QUERY_LENGTH) {
    throw syntaxError(`the query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH + 1);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const column = i + 1;
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '>=' || two === '<=' || two === '!=' || two === '<>' || two === '==') {
      const op: ComparisonOp = two === '<>' ? '!=' : two === '==' ? '=' : (two as ComparisonOp);
      tokens.push({ type: 'op', op, column, text: two });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>' || c === '~') {
      tokens.push({ type: 'op', op: c, column, text: c });
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', column, text: c });
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ type: 'string', value, column, text: text.slice(i, end) });
      i = end;
      continue;
    }
    let j = i;
    while (j < text.length) {
      const d = text[j] as string;
      if (isSpace(d) || STOP.has(d) || (d === '!' && text[j + 1] === '=')) break;
      j += 1;
    }
    if (j === i) {
      // A lone '!' (not followed by '='): the only character that stops a word without being a token.
      throw syntaxError(
        `unexpected '${c}' at column ${column}${c === '!' ? " (did you mean '!=' or 'not'?)" : ''}`,
        column,
      );
    }
    tokens.push(classify(text.slice(i, j), column));
    i = j;
  }
  tokens.push({ type: 'end', column: text.length + 1, text: '' });
  return tokens;
}
