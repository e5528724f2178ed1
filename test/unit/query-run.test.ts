import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuery, runQuery, type QueryStep } from '../../electron/core/query';
import type { QueryHit } from '../../shared/templates/summaries';
import {
  FIXTURE_CULTURE,
  FIXTURE_STOCK,
  blockOf,
  fixedId,
  harness,
  q,
  type Harness,
} from '../support/template-fixtures';

/**
 * The query executor over a small, fully known data set: every expected hit
 * is named. Block ids sort by their number, so "newest first" is "highest
 * number first".
 */

let h: Harness;
const ids = {
  cis15: fixedId(101),
  cis10: fixedId(102),
  eto20: fixedId(103),
  eto5n: fixedId(104),
  carbo2m: fixedId(105),
  injection: fixedId(106),
  culture: fixedId(107),
  child: fixedId(108),
};

beforeAll(async () => {
  h = await harness({ seed: false });
  const stock = (id: string, values: Record<string, unknown>) => blockOf(id, FIXTURE_STOCK, values);
  const stockEntry = await h.entry(
    'Stocks',
    stock(ids.cis15, {
      drug: 'cisplatin',
      lot: 'A12',
      concentration: q(15, 'µM'),
      viability: q(95, '%'),
      prepared: '2026-11-20',
    }),
    stock(ids.cis10, {
      drug: 'Cisplatin',
      lot: '24A118',
      concentration: q(0.01, 'mM'),
      passage: 12,
      prepared: '2026-10-02',
    }),
    stock(ids.eto20, { drug: 'etoposide', lot: 'B7', concentration: q(20, 'µM'), viability: q(70, '%') }),
    stock(ids.eto5n, { drug: 'etoposide', concentration: q(5, 'nM'), volume: q(45, 'µL') }),
    stock(ids.carbo2m, { drug: 'carboplatin', lot: 'C-100%', concentration: q(2, 'mM'), passage: 3 }),
    stock(ids.injection, { drug: "x'; DROP TABLE blocks; --", lot: '%' }),
  );
  await h.entry(
    'Cultures',
    blockOf(ids.culture, FIXTURE_CULTURE, {
      name: 'H69 parental',
      stock: { entryId: stockEntry, blockId: ids.eto20, label: 'etoposide lot B7', snapshot: { drug: 'etoposide' } },
      treatments: [
        { rowId: 'r1', drug: 'cisplatin', dose: q(15, 'µM') },
        { rowId: 'r2', drug: 'etoposide', dose: q(6, 'µM') },
      ],
    }),
    blockOf(ids.child, FIXTURE_CULTURE, {
      name: 'H69 persisters',
      treatments: [{ rowId: 'r3', drug: 'olaparib', dose: q(1, 'µM') }],
    }),
  );
});
afterAll(() => h?.ctx.cleanup());

const run = (expr: string, limit?: number) => h.call<QueryHit[]>('query.run', limit ? { expr, limit } : { expr });
const blocks = async (expr: string) => (await run(expr)).map((x) => x.blockId);
const newestFirst = (...list: string[]) => [...list].sort().reverse();

async function errorOf(expr: string): Promise<string> {
  const r = await h.attempt('query.run', { expr });
  if (r.ok) throw new Error(`no error for ${expr}`);
  expect(r.code).toBe('invalid_input');
  return r.message;
}

describe('comparisons', () => {
  it('compares numbers across units of a family (0.01 mM is 10 µM)', async () => {
    expect(await blocks('concentration >= 0.01 mM')).toEqual(newestFirst(ids.cis15, ids.cis10, ids.eto20, ids.carbo2m));
    expect(await blocks('concentration = 10 uM')).toEqual([ids.cis10]);
    expect(await blocks('concentration = 10000 nM in FX1')).toEqual([ids.cis10]);
    expect(await blocks('concentration < 10 µM in FX1')).toEqual([ids.eto5n]);
    expect(await blocks('concentration > 1 mM')).toEqual([ids.carbo2m]);
    expect(await blocks('volume <= 0.05 mL')).toEqual([ids.eto5n]);
    expect(await blocks('volume = 45 uL')).toEqual([ids.eto5n]);
  });

  it('takes percentages with or without the % sign, and plain numbers as they are', async () => {
    expect(await blocks('viability < 90 %')).toEqual([ids.eto20]);
    expect(await blocks('viability < 90')).toEqual([ids.eto20]);
    expect(await blocks('passage >= 10')).toEqual([ids.cis10]);
    expect(await blocks('passage != 12')).toEqual([ids.carbo2m]);
  });

  it('compares text case-insensitively; ~ is contains; != needs the field present', async () => {
    expect(await blocks('drug = CISPLATIN in FX1')).toEqual(newestFirst(ids.cis15, ids.cis10));
    expect(await blocks('lot ~ a1')).toEqual(newestFirst(ids.cis15, ids.cis10));
    expect(await blocks('drug != cisplatin in FX1')).toEqual(
      newestFirst(ids.eto20, ids.eto5n, ids.carbo2m, ids.injection),
    );
    expect(await blocks('name = "H69 persisters"')).toEqual([ids.child]);
  });

  it('compares dates as text in ISO order', async () => {
    expect(await blocks('prepared >= 2026-11-01')).toEqual([ids.cis15]);
    expect(await blocks('prepared < 2026-11-01')).toEqual([ids.cis10]);
  });

  it('compares a number-looking word as text when the field holds text', async () => {
    expect(await blocks('lot = 24A118')).toEqual([ids.cis10]);
  });
});

describe('combining conditions', () => {
  it('and: every condition holds in the same block', async () => {
    expect(await blocks('drug = cisplatin and concentration >= 10 uM in FX1')).toEqual(
      newestFirst(ids.cis15, ids.cis10),
    );
    expect(await blocks('drug = etoposide and concentration >= 10 uM')).toEqual([ids.eto20]);
    expect(await blocks('drug = etoposide and dose >= 10 uM')).toEqual([ids.culture]); // two rows of one table
    expect(await blocks('drug = carboplatin and viability > 1 %')).toEqual([]);
  });

  it('or, not and parentheses', async () => {
    expect(await blocks('drug = carboplatin or drug = olaparib')).toEqual(newestFirst(ids.carbo2m, ids.child));
    expect(await blocks('not drug = cisplatin in FX1')).toEqual(
      newestFirst(ids.eto20, ids.eto5n, ids.carbo2m, ids.injection),
    );
    expect(await blocks('not (drug = cisplatin or drug = etoposide) in FX1, FX2')).toEqual(
      newestFirst(ids.carbo2m, ids.injection, ids.child),
    );
    expect(await blocks('(drug = etoposide or drug = carboplatin) and not concentration < 1 uM in FX1')).toEqual(
      newestFirst(ids.eto20, ids.carbo2m),
    );
  });

  it('a query of only "in TEMPLATE" lists the template’s blocks', async () => {
    expect(await blocks('in fixture-culture')).toEqual(newestFirst(ids.culture, ids.child));
  });
});

describe('field names and templates', () => {
  it('a bare name matches a field at any level; a dotted name matches exactly', async () => {
    expect(await blocks('drug = olaparib')).toEqual([ids.child]); // treatments.drug
    expect(await blocks('drug = etoposide in FX2')).toEqual([ids.culture]); // treatments.drug and stock.drug
    expect(await blocks('stock.drug = etoposide')).toEqual([ids.culture]);
    expect(await blocks('treatments.drug = etoposide')).toEqual([ids.culture]);
    expect(await blocks('treatments.dose >= 10 uM')).toEqual([ids.culture]);
  });

  it('names templates by id, code or name', async () => {
    const expected = [ids.culture];
    expect(await blocks('drug = cisplatin in fixture-culture')).toEqual(expected);
    expect(await blocks('drug = cisplatin in fx2')).toEqual(expected);
    expect(await blocks('drug = cisplatin in "Fixture culture"')).toEqual(expected);
  });

  it('finds nothing, without an error, for a field of an installed template that holds no values yet', async () => {
    expect(await blocks('persister_fraction < 5 %')).toEqual([]);
    for (const force of ['set', 'scan'] as const) {
      expect(runQuery(h.ctx, 'drug = cisplatin and persister_fraction < 5 %', 10, { force })).toEqual([]);
      // Within templates that do not declare it, the field is unknown.
      expect(() => runQuery(h.ctx, 'persister_fraction < 5 % in FX1', 10, { force })).toThrow(/unknown field/);
      expect(
        runQuery(h.ctx, 'drug = olaparib or persister_fraction < 5 %', 10, { force }).map((x) => x.blockId),
      ).toEqual([ids.child]);
    }
  });
});

describe('results', () => {
  it('carry the entry, notebook and the matched values ready to show', async () => {
    const [hit] = await run('drug = cisplatin and concentration >= 0.01 mM in FX1', 1);
    expect(hit).toEqual({
      entryId: expect.any(String),
      entryTitle: 'Stocks',
      notebookName: 'Fixtures',
      blockId: ids.cis10, // the newest; stored as 0.01 mM, shown in the canonical unit
      templateId: 'fixture-stock',
      matched: [
        { field: 'drug', display: 'drug = cisplatin' },
        { field: 'concentration', display: 'concentration = 10 µM' },
      ],
    });
    const [culture] = await run('treatments.dose >= 10 uM');
    expect(culture?.matched).toEqual([{ field: 'treatments.dose', display: 'treatments.dose = 15 µM' }]);
  });

  it('respect the limit, newest first', async () => {
    expect((await run('concentration > 0 uM', 2)).map((x) => x.blockId)).toEqual(newestFirst(ids.carbo2m, ids.eto5n));
  });

  it('both plans (collect a set, or scan newest first) give the same hits', () => {
    const queries = [
      'drug = cisplatin',
      'concentration >= 0.01 mM',
      'drug = etoposide and concentration >= 10 uM',
      'drug = carboplatin or drug = olaparib',
      '(drug = etoposide or drug = carboplatin) and not concentration < 1 uM in FX1',
      'lot ~ a1 or passage >= 3',
      'viability < 90 in FX1',
      'treatments.dose >= 1 uM and not drug = olaparib',
    ];
    for (const expr of queries) {
      const set = runQuery(h.ctx, expr, 100, { force: 'set' }).map((x) => x.blockId);
      const scan = runQuery(h.ctx, expr, 100, { force: 'scan' }).map((x) => x.blockId);
      expect(scan, expr).toEqual(set);
      expect(compileQuery(h.ctx, expr, 100, 'scan').strategy).toBe('scan');
      expect(compileQuery(h.ctx, expr, 100, 'set').strategy).toBe('set');
      for (const limit of [1, 2, 3]) {
        expect(
          runQuery(h.ctx, expr, limit, { force: 'set' }).map((x) => x.blockId),
          `${expr} limit ${limit}`,
        ).toEqual(set.slice(0, limit));
        expect(
          runQuery(h.ctx, expr, limit, { force: 'scan' }).map((x) => x.blockId),
          `${expr} limit ${limit}`,
        ).toEqual(set.slice(0, limit));
      }
    }
  });
});

describe('values that look like SQL or patterns are just values', () => {
  it('matches them literally and leaves the database intact', async () => {
    expect(await blocks(`drug = "x'; DROP TABLE blocks; --"`)).toEqual([ids.injection]);
    expect(await blocks(`drug = "' OR '1'='1"`)).toEqual([]);
    expect(await blocks('lot = "%"')).toEqual([ids.injection]);
    expect(await blocks('lot ~ "%"')).toEqual(newestFirst(ids.carbo2m, ids.injection));
    expect(await blocks('lot ~ "_"')).toEqual([]);
    expect(await blocks('drug = "*" or lot = "\\\\"')).toEqual([]);
    expect((h.ctx.db.prepare('SELECT count(*) AS n FROM blocks').get() as { n: number }).n).toBe(8);
    for (const force of ['set', 'scan'] as const) {
      const trace: QueryStep[] = [];
      runQuery(h.ctx, `drug = "x'; DROP TABLE blocks; --"`, 10, { force, trace });
      expect(trace.length).toBeGreaterThan(0);
      for (const step of trace) {
        expect(step.sql).not.toContain('DROP');
        expect(step.params).toContain("x'; drop table blocks; --");
      }
    }
  });
});

describe('errors name the field or value and the column', () => {
  it('an unknown field, with a suggestion', async () => {
    expect(await errorOf('concentraton >= 10 uM')).toBe(
      "unknown field 'concentraton' at column 1 (did you mean concentration?)",
    );
    expect(await errorOf('drug = x and nosuchthing = 1')).toMatch(/^unknown field 'nosuchthing' at column 14/);
  });

  it('a unit of the wrong kind, or a missing or unknown unit', async () => {
    expect(await errorOf('concentration >= 10 mg')).toBe(
      "'10 mg' at column 18 is a mass, but 'concentration' is measured in µM (a molar concentration)",
    );
    expect(await errorOf('concentration >= 10')).toBe(
      "'concentration' is measured in µM (a molar concentration): give '10' at column 18 a unit, e.g. concentration >= 10 µM",
    );
    expect(await errorOf('passage = 12 mM')).toBe(
      "'passage' is a plain number without a unit: drop the unit of '12 mM' at column 11",
    );
    expect(await errorOf('concentration >= 10 uMM')).toMatch(/^unknown unit 'uMM' at column 21/);
  });

  it('text where numbers are needed, and the other way round', async () => {
    expect(await errorOf('concentration = high')).toBe(
      "'concentration' at column 1 holds numbers in µM (a molar concentration), and 'high' at column 17 is not a number",
    );
    expect(await errorOf('concentration ~ 15')).toMatch(
      /^'~' searches text, and 'concentration' at column 1 holds numbers/,
    );
    expect(await errorOf('lot > 5')).toMatch(/^'lot' at column 1 holds text, not numbers/);
  });

  it('an unknown template, naming the installed ones', async () => {
    expect(await errorOf('drug = x in T9')).toMatch(
      /^unknown template 'T9' at column 13; installed: .*fixture-stock \(FX1\)/,
    );
  });

  it('syntax errors come from the parser with their column', async () => {
    expect(await errorOf('drug = cisplatin and concentration >=')).toBe(
      "expected a value after '>=' at column 38, found the end of the query",
    );
  });
});
