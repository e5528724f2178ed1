import { describe, expect, it } from 'vitest';
import { fieldMatches, parseQuery, tokenize, type ParsedQuery, type QueryNode } from '../../shared/query/index';

function parsed(text: string): ParsedQuery {
  const r = parseQuery(text);
  if (!r.ok) throw new Error(`did not parse: ${r.error.message}`);
  return r.query;
}

function errorOf(text: string) {
  const r = parseQuery(text);
  if (r.ok) throw new Error(`parsed unexpectedly: ${text}`);
  return r.error;
}

/** A compact rendering of the AST: (drug = cisplatin AND (NOT x > 1)). */
function show(node: QueryNode | null): string {
  if (!node) return '∅';
  switch (node.kind) {
    case 'compare': {
      const v = node.value;
      const value = v.kind === 'number' ? `${v.value}${v.unit ? ` ${v.unit}` : ''}` : JSON.stringify(v.value);
      return `${node.field} ${node.op} ${value}`;
    }
    case 'not':
      return `(NOT ${show(node.item)})`;
    default:
      return `(${node.items.map(show).join(` ${node.kind.toUpperCase()} `)})`;
  }
}

describe('parsing', () => {
  it('reads the example from the contract', () => {
    const q = parsed('drug = cisplatin and concentration >= 10 uM in persister-induction');
    expect(show(q.where)).toBe('(drug = "cisplatin" AND concentration >= 10 uM)');
    expect(q.templates).toEqual([{ name: 'persister-induction', column: 48 }]);
  });

  it('binds and tighter than or, not tighter than and; parentheses group', () => {
    expect(show(parsed('a = 1 or b = 2 and c = 3').where)).toBe('(a = 1 OR (b = 2 AND c = 3))');
    expect(show(parsed('(a = 1 or b = 2) and c = 3').where)).toBe('((a = 1 OR b = 2) AND c = 3)');
    expect(show(parsed('not a = 1 and b = 2').where)).toBe('((NOT a = 1) AND b = 2)');
    expect(show(parsed('not (a = 1 and b = 2)').where)).toBe('(NOT (a = 1 AND b = 2))');
    expect(show(parsed('not not a = 1').where)).toBe('(NOT (NOT a = 1))');
  });

  it('reads every operator, keywords in any case, and <> / == as != / =', () => {
    const q = parsed('a = 1 AND b != 2 And c < 3 and d <= 4 and e > 5 and f >= 6 and g ~ x OR h <> y or i == z');
    expect(show(q.where)).toBe(
      '((a = 1 AND b != 2 AND c < 3 AND d <= 4 AND e > 5 AND f >= 6 AND g ~ "x") OR h != "y" OR i = "z")',
    );
  });

  it('reads numbers with units written apart or attached, and scientific notation', () => {
    const values = (text: string) => {
      const w = parsed(text).where;
      return w?.kind === 'compare' ? w.value : null;
    };
    expect(values('concentration >= 0.01 mM')).toMatchObject({
      kind: 'number',
      value: 0.01,
      unit: 'mM',
      unitColumn: 23,
    });
    expect(values('concentration >= 10uM')).toMatchObject({ kind: 'number', value: 10, unit: 'uM', unitColumn: 20 });
    expect(values('persister_fraction < 5 %')).toMatchObject({ value: 5, unit: '%' });
    expect(values('persister_fraction < 5%')).toMatchObject({ value: 5, unit: '%' });
    expect(values('seeded_cells >= 1e6 cells')).toMatchObject({ value: 1e6, unit: 'cells' });
    expect(values('seeding_density = 1.5E5 cells/mL')).toMatchObject({ value: 150000, unit: 'cells/mL' });
    expect(values('net_growth_rate > -0.1')).toMatchObject({ value: -0.1, unit: null });
    expect(values('passage = 12')).toMatchObject({ value: 12, unit: null, text: '12' });
  });

  it('reads quoted strings (with spaces, escapes and keywords) and words with dashes', () => {
    const value = (text: string) => {
      const w = parsed(text).where;
      return w?.kind === 'compare' ? w.value : null;
    };
    expect(value('vehicle = "0.9 % NaCl"')).toEqual({ kind: 'text', value: '0.9 % NaCl', quoted: true });
    expect(value("name ~ 'and or not in'")).toEqual({ kind: 'text', value: 'and or not in', quoted: true });
    expect(value('name = "say \\"hi\\""')).toEqual({ kind: 'text', value: 'say "hi"', quoted: true });
    expect(value('model_id = NCI-H69')).toEqual({ kind: 'text', value: 'NCI-H69', quoted: false });
    expect(value('day0_date >= 2026-11-01')).toEqual({ kind: 'text', value: '2026-11-01', quoted: false });
  });

  it('lowers field names and keeps dotted paths', () => {
    const w = parsed('Treatments.Drug = x').where;
    expect(w).toMatchObject({ kind: 'compare', field: 'treatments.drug', fieldColumn: 1 });
  });

  it('takes a list of templates, by id, code or quoted name, and a query that is only a template', () => {
    expect(parsed('drug = x in T2, ic50-plate, "Persister induction"').templates.map((t) => t.name)).toEqual([
      'T2',
      'ic50-plate',
      'Persister induction',
    ]);
    const only = parsed('in T4');
    expect(only.where).toBeNull();
    expect(only.templates).toEqual([{ name: 'T4', column: 4 }]);
  });

  it('treats SQL and FTS syntax in values as plain values', () => {
    const w = parsed(`lot = "x'; DROP TABLE entries; --"`).where;
    expect(w).toMatchObject({ value: { kind: 'text', value: "x'; DROP TABLE entries; --" } });
    expect(parsed('lot = abc%_*').where).toMatchObject({ value: { value: 'abc%_*' } });
  });
});

describe('errors name what was expected and the column', () => {
  const cases: Array<[string, string, number]> = [
    [
      'drug = cisplatin and concentration >=',
      "expected a value after '>=' at column 38, found the end of the query",
      38,
    ],
    ['drug = cisplatin and concentration >= and x = 1', "expected a value after '>=' at column 39, found 'and'", 39],
    ['', 'the query is empty: write a condition such as drug = cisplatin', 1],
    ['   ', 'the query is empty: write a condition such as drug = cisplatin', 1],
    [
      'drug cisplatin',
      "expected a comparison (=, !=, <, <=, >, >= or ~) after 'drug' at column 6, found 'cisplatin'",
      6,
    ],
    ['= cisplatin', "expected a field name at column 1, found '='", 1],
    [
      '10 < concentration',
      "expected a field name at column 1, found '10' (write the field first, e.g. concentration >= 10 uM)",
      1,
    ],
    ['and drug = x', "expected a field name at column 1, found 'and'", 1],
    ['drug = x and', 'expected a field name at column 13, found the end of the query', 13],
    ['(drug = x', "expected ')' at column 10 to close the '(' at column 1, found the end of the query", 10],
    ['drug = x)', "unexpected ')' at column 9: no '(' is open", 9],
    ['()', 'expected a condition inside the parentheses at column 2', 2],
    ['drug = x y = 2', "expected 'and', 'or', 'in' or the end of the query at column 10, found 'y'", 10],
    ['drug = x in', "expected a template id, code or name after 'in' at column 12, found the end of the query", 12],
    [
      'drug = x in T2 and y = 1',
      "expected ',' or the end of the query at column 16, found 'and' (conditions go before \"in\")",
      16,
    ],
    ['drug = x in T2,', "expected a template id, code or name after ',' at column 16, found the end of the query", 16],
    ['name = "unclosed', 'unclosed quote: the " at column 8 has no closing "', 8],
    ['not', "expected a condition after 'not' at column 4", 4],
    [
      'drug < cisplatin',
      "'<' compares numbers and dates, and 'cisplatin' at column 8 is neither (dates are written 2026-11-26)",
      8,
    ],
    ['drug ~ ""', "'~' needs a value at column 8, not an empty string", 8],
    [
      'treat-ments = x',
      "expected a field name at column 1, found 'treat-ments' (field names are like drug or treatments.drug)",
      1,
    ],
    ['"drug" = x', 'expected a field name at column 1, found \'"drug"\' (field names are not quoted)', 1],
  ];
  for (const [text, message, column] of cases) {
    it(JSON.stringify(text), () => {
      expect(errorOf(text)).toEqual({ message, column });
    });
  }

  it('refuses nesting deeper than 64 levels and queries over 2000 characters, without overflowing', () => {
    expect(errorOf(`${'('.repeat(100)}a = 1${')'.repeat(100)}`).message).toMatch(
      /nests deeper than 64 levels at column 65/,
    );
    expect(errorOf(`${'not '.repeat(5000)}a = 1`).message).toMatch(/longer than 2000 characters/);
    expect(errorOf(`${'not '.repeat(400)}a = 1`).message).toMatch(/nests deeper than 64 levels/);
    expect(errorOf(`a = ${'x'.repeat(2000)}`).message).toMatch(/longer than 2000 characters/);
    const many = Array.from({ length: 51 }, (_, i) => `f${i} = ${i}`).join(' or ');
    expect(errorOf(many).message).toMatch(/^the query has more than 50 comparisons \(at column \d+\)$/);
    expect(parseQuery(Array.from({ length: 50 }, (_, i) => `f${i} = ${i}`).join(' or ')).ok).toBe(true);
  });
});

describe('tokens and field names', () => {
  it('gives every token its 1-based column', () => {
    expect(tokenize('a>=1 (b)').map((t) => [t.type, t.column])).toEqual([
      ['word', 1],
      ['op', 2],
      ['number', 4],
      ['lparen', 6],
      ['word', 7],
      ['rparen', 8],
      ['end', 9],
    ]);
  });

  it('matches a bare name at any level and a dotted name exactly', () => {
    expect(fieldMatches('drug', 'drug')).toBe(true);
    expect(fieldMatches('drug', 'treatments.drug')).toBe(true);
    expect(fieldMatches('drug', 'treatments.stock.drug')).toBe(true);
    expect(fieldMatches('drug', 'drug_class')).toBe(false);
    expect(fieldMatches('drug', 'treatments.drugs')).toBe(false);
    expect(fieldMatches('treatments.drug', 'treatments.drug')).toBe(true);
    expect(fieldMatches('treatments.drug', 'treatments.stock.drug')).toBe(false);
    expect(fieldMatches('stock.drug', 'treatments.stock.drug')).toBe(false);
  });
});
