import type { ComparisonOp, ParseResult, ParsedQuery, QueryNode, QueryValue, TemplateRef } from './ast';
import { QuerySyntaxError, syntaxError, tokenize, type Token } from './tokenize';

/**
 * The parser of the structured query language (grammar in docs/QUERY.md):
 *
 *   query      := [ or-expr ] [ 'in' template { ',' template } ]      (at least one part)
 *   or-expr    := and-expr { 'or' and-expr }
 *   and-expr   := unary { 'and' unary }
 *   unary      := 'not' unary | '(' or-expr ')' | comparison
 *   comparison := FIELD OP value
 *   OP         := '=' | '!=' | '<' | '<=' | '>' | '>=' | '~'
 *   value      := NUMBER [ UNIT ] | WORD | "quoted string" | 'quoted string'
 *   template   := WORD | "quoted name"
 *
 * Keywords (and, or, not, in) are case-insensitive. Pure: no I/O, no units
 * library (units are checked by the executor, which knows the fields).
 * Errors name what was expected, what came instead and the column.
 */

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/;
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?)?$/;
const OPS_TEXT = '=, !=, <, <=, >, >= or ~';
/** Nesting of parentheses and 'not' allowed: deeper is refused before the stack could suffer. */
const MAX_DEPTH = 64;
/** Comparisons in one query: each becomes index probes and SQL terms, and SQLite bounds both. */
export const MAX_COMPARISONS = 50;

/** How a token reads in a message: 'drug', the end of the query. */
function shown(token: Token): string {
  if (token.type === 'end') return 'the end of the query';
  const text = token.text.length > 40 ? `${token.text.slice(0, 39)}…` : token.text;
  return `'${text}'`;
}

class Parser {
  private i = 0;
  private depth = 0;
  private comparisons = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  private next(): Token {
    const token = this.tokens[this.i] as Token;
    if (token.type !== 'end') this.i += 1;
    return token;
  }

  private isKeyword(token: Token, keyword: 'and' | 'or' | 'not' | 'in'): boolean {
    return token.type === 'keyword' && token.keyword === keyword;
  }

  parseQuery(): ParsedQuery {
    const first = this.peek();
    if (first.type === 'end') throw syntaxError('the query is empty: write a condition such as drug = cisplatin', 1);
    const where = this.isKeyword(first, 'in') ? null : this.parseOr();
    const templates: TemplateRef[] = [];
    const after = this.peek();
    if (this.isKeyword(after, 'in')) {
      this.next();
      templates.push(this.parseTemplate(after));
      while (this.peek().type === 'comma') {
        const comma = this.next();
        templates.push(this.parseTemplate(comma));
      }
      const end = this.peek();
      if (end.type !== 'end') {
        const hint =
          end.type === 'keyword' && (end.keyword === 'and' || end.keyword === 'or')
            ? ' (conditions go before "in")'
            : '';
        throw syntaxError(
          `expected ',' or the end of the query at column ${end.column}, found ${shown(end)}${hint}`,
          end.column,
        );
      }
    } else if (after.type === 'rparen') {
      throw syntaxError(`unexpected ')' at column ${after.column}: no '(' is open`, after.column);
    } else if (after.type !== 'end') {
      throw syntaxError(
        `expected 'and', 'or', 'in' or the end of the query at column ${after.column}, found ${shown(after)}`,
        after.column,
      );
    }
    return { where, templates };
  }

  private parseTemplate(before: Token): TemplateRef {
    const token = this.next();
    if (token.type === 'word' || token.type === 'string' || (token.type === 'number' && token.unit !== null)) {
      const name = token.type === 'string' ? token.value : token.text;
      if (name.trim() === '')
        throw syntaxError(`expected a template after ${shown(before)} at column ${token.column}`, token.column);
      return { name: name.trim(), column: token.column };
    }
    throw syntaxError(
      `expected a template id, code or name after ${shown(before)} at column ${token.column}, found ${shown(token)}`,
      token.column,
    );
  }

  private parseOr(): QueryNode {
    const items = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'or', items };
  }

  private parseAnd(): QueryNode {
    const items = [this.parseUnary()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      items.push(this.parseUnary());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', items };
  }

  private deeper<T>(column: number, body: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw syntaxError(`the query nests deeper than ${MAX_DEPTH} levels at column ${column}`, column);
    }
    try {
      return body();
    } finally {
      this.depth -= 1;
    }
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    if (this.isKeyword(token, 'not')) {
      this.next();
      const following = this.peek();
      if (following.type === 'end') {
        throw syntaxError(`expected a condition after 'not' at column ${following.column}`, following.column);
      }
      return this.deeper(token.column, () => ({ kind: 'not', item: this.parseUnary(), column: token.column }));
    }
    if (token.type === 'lparen') {
      this.next();
      return this.deeper(token.column, () => {
        if (this.peek().type === 'rparen') {
          const close = this.peek();
          throw syntaxError(`expected a condition inside the parentheses at column ${close.column}`, close.column);
        }
        const inner = this.parseOr();
        const close = this.peek();
        if (close.type !== 'rparen') {
          throw syntaxError(
            `expected ')' at column ${close.column} to close the '(' at column ${token.column}, found ${shown(close)}`,
            close.column,
          );
        }
        this.next();
        return inner;
      });
    }
    return this.parseComparison();
  }

  private parseComparison(): QueryNode {
    const field = this.next();
    this.comparisons += 1;
    if (this.comparisons > MAX_COMPARISONS) {
      throw syntaxError(
        `the query has more than ${MAX_COMPARISONS} comparisons (at column ${field.column})`,
        field.column,
      );
    }
    if (field.type !== 'word' || !FIELD_NAME.test(field.value)) {
      let hint = '';
      if (field.type === 'number') hint = ' (write the field first, e.g. concentration >= 10 uM)';
      else if (field.type === 'word') hint = ' (field names are like drug or treatments.drug)';
      else if (field.type === 'string') hint = ' (field names are not quoted)';
      throw syntaxError(`expected a field name at column ${field.column}, found ${shown(field)}${hint}`, field.column);
    }
    const op = this.next();
    if (op.type !== 'op') {
      throw syntaxError(
        `expected a comparison (${OPS_TEXT}) after '${field.value}' at column ${op.column}, found ${shown(op)}`,
        op.column,
      );
    }
    const valueToken = this.next();
    const value = this.parseValue(op, valueToken);
    checkOperator(op.op, value, valueToken.column);
    return {
      kind: 'compare',
      field: field.value.toLowerCase(),
      fieldColumn: field.column,
      op: op.op,
      opColumn: op.column,
      value,
      valueColumn: valueToken.column,
    };
  }

  private parseValue(op: Token & { type: 'op' }, token: Token): QueryValue {
    if (token.type === 'number') {
      if (token.unit !== null) {
        return { kind: 'number', value: token.value, unit: token.unit, unitColumn: token.unitColumn, text: token.text };
      }
      // A unit written apart from the number: any word that is not a keyword.
      const unit = this.peek();
      if (unit.type === 'word') {
        this.next();
        return {
          kind: 'number',
          value: token.value,
          unit: unit.value,
          unitColumn: unit.column,
          text: `${token.text} ${unit.text}`,
        };
      }
      return { kind: 'number', value: token.value, unit: null, unitColumn: null, text: token.text };
    }
    if (token.type === 'word') return { kind: 'text', value: token.value, quoted: false };
    if (token.type === 'string') return { kind: 'text', value: token.value, quoted: true };
    throw syntaxError(
      `expected a value after '${op.text}' at column ${token.column}, found ${shown(token)}`,
      token.column,
    );
  }
}

/** Operators that need a number (or a date) refuse plain text here, where the column is known. */
function checkOperator(op: ComparisonOp, value: QueryValue, column: number): void {
  if (value.kind !== 'text') return;
  if ((op === '<' || op === '<=' || op === '>' || op === '>=') && !ISO_DATE.test(value.value)) {
    throw syntaxError(
      `'${op}' compares numbers and dates, and '${value.value.slice(0, 40)}' at column ${column} is neither (dates are written 2026-11-26)`,
      column,
    );
  }
  if (value.value === '' && op !== '=' && op !== '!=') {
    throw syntaxError(`'${op}' needs a value at column ${column}, not an empty string`, column);
  }
}

/** Parses a query (see the grammar above). Never throws. */
export function parseQuery(text: string): ParseResult {
  try {
    const parser = new Parser(tokenize(String(text)));
    return { ok: true, query: parser.parseQuery() };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
}

/** True when a text value looks like an ISO date (dates compare as text: 2026-01-05 < 2026-11-26). */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}
