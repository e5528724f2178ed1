import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDir } from '../support/child-cli';

// Runs the real CLI (node electron/cli/persist.mjs fit …) on CSV files in a temp folder.
const root = tempDir('cli-fit');
afterAll(() => removeDir(root));

function csv(name: string, text: string): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, text);
  return file;
}

// Domain guide, Check B: Bottom 5, Top 100, IC50 3.0 µM, h 1.3, doses 100/3^k µM (k = 0..8),
// exact responses from the lowest to the highest dose.
const CHECK_B_RESPONSES = [99.9012, 99.5891, 98.3091, 93.3238, 77.2274, 46.0344, 19.6478, 8.978, 5.985];
const CHECK_B_DOSES = Array.from({ length: 9 }, (_, i) => 100 / 3 ** (8 - i));

// Domain guide, Check D: GRinf −0.3, GEC50 1, h 1.5 → GR50 0.7310.
const grOf = (c: number) => -0.3 + 1.3 / (1 + c ** 1.5);
const GR_DOSES = [0.01, 0.0316, 0.1, 0.316, 1, 3.16, 10, 31.6, 100];

describe('persist fit ic50', () => {
  it('recovers Check B: IC50 3.0, Hill 1.3, absolute IC50 3.2533', async () => {
    const file = csv(
      'check-b.csv',
      `dose,response\n${CHECK_B_DOSES.map((d, i) => `${d},${CHECK_B_RESPONSES[i]}`).join('\n')}\n`,
    );
    const run = await runCli(['fit', 'ic50', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, number & Record<string, boolean>>;
    expect(r).toMatchObject({ ok: true, kind: 'ic50', points: 9, doses: 9 });
    expect(r.ic50).toBeCloseTo(3.0, 3);
    expect(r.hill).toBeCloseTo(1.3, 3);
    expect(r.top).toBeCloseTo(100, 2);
    expect(r.bottom).toBeCloseTo(5, 2);
    expect(r.abs_ic50).toBeCloseTo(3.2533, 3);
    expect(r.r2).toBeGreaterThan(0.9999);
    expect(r.flags).toEqual({ ic50_outside_range: false, low_r2: false, not_converged: false });

    const text = await runCli(['fit', 'ic50', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/IC50\s+3 \(95 % CI/);
    expect(text.stdout).toMatch(/Absolute IC50\s+3\.253/);
  });

  it('treats repeated doses as replicates (triplicates, CRLF, quoted header, other column order)', async () => {
    const rows: string[] = [];
    CHECK_B_DOSES.forEach((d, i) => {
      const y = CHECK_B_RESPONSES[i] as number;
      rows.push(`${y + 1},${d}`, `${y - 1},${d}`, `${y},${d}`);
    });
    const file = csv('replicates.csv', `"Response","Dose"\r\n${rows.join('\r\n')}\r\n`);
    const run = await runCli(['fit', 'ic50', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { points: number; doses: number; ic50: number; hill: number };
    expect(r.points).toBe(27);
    expect(r.doses).toBe(9);
    expect(r.ic50).toBeCloseTo(3.0, 1);
    expect(r.hill).toBeCloseTo(1.3, 1);
  });
});

describe('persist fit gr', () => {
  it('recovers Check D from dose,gr: GR50 0.7310', async () => {
    const file = csv('check-d.csv', `dose,gr\n${GR_DOSES.map((c) => `${c},${grOf(c)}`).join('\n')}\n`);
    const run = await runCli(['fit', 'gr', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, number>;
    expect(r).toMatchObject({ ok: true, kind: 'gr', points: 9 });
    expect(r.grinf).toBeCloseTo(-0.3, 3);
    expect(r.gec50).toBeCloseTo(1, 3);
    expect(r.h).toBeCloseTo(1.5, 3);
    expect(r.gr50).toBeCloseTo(0.731, 3);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['gr50', 'grinf', 'gec50', 'h', 'flags', 'r2']));
  });

  it('computes GR values from dose,count,control,time0', async () => {
    // Vehicle grows 1000 → 8000 (three doublings), so x = x0 · (GR + 1)^3.
    const lines = GR_DOSES.map((c) => `${c},${1000 * (grOf(c) + 1) ** 3},8000,1000`);
    const file = csv('counts.csv', `dose,count,control,time0\n${lines.join('\n')}\n`);
    const run = await runCli(['fit', 'gr', file, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, number>;
    expect(r.gr50).toBeCloseTo(0.731, 3);
    expect(r.grinf).toBeCloseTo(-0.3, 3);
  });
});

describe('bad input: one clear line and exit 2', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['fit', 'ic50', path.join(root, 'nope.csv')], /cannot read .*nope\.csv: no such file/],
    ['a directory', () => ['fit', 'ic50', root], /is a folder, not a CSV file/],
    ['an empty file', () => ['fit', 'ic50', csv('empty.csv', '\n\n')], /empty\.csv is empty/],
    ['a header only', () => ['fit', 'ic50', csv('header.csv', 'dose,response\n')], /has a header but no data rows/],
    [
      'no header',
      () => ['fit', 'ic50', csv('noheader.csv', '1,90\n2,80\n')],
      /first line must be a header naming the columns dose, response/,
    ],
    [
      'a missing column',
      () => ['fit', 'ic50', csv('cols.csv', 'dose,value\n1,2\n')],
      /missing column response \(the header has: dose, value\)/,
    ],
    [
      'a value that is not a number',
      () => ['fit', 'ic50', csv('nan.csv', 'dose,response\n1,90\n2,abc\n')],
      /nan\.csv line 3: response 'abc' is not a number/,
    ],
    ['an empty cell', () => ['fit', 'ic50', csv('cell.csv', 'dose,response\n1,\n')], /line 2: response is empty/],
    [
      'fewer than 4 doses',
      () => ['fit', 'ic50', csv('three.csv', 'dose,response\n1,90\n1,91\n2,50\n3,10\n')],
      /needs at least 4 different doses; got 3/,
    ],
    [
      'a dose of zero',
      () => ['fit', 'ic50', csv('zero.csv', 'dose,response\n0,100\n1,90\n2,50\n3,10\n4,5\n')],
      /Dose of point 1 must be greater than 0/,
    ],
    [
      'gr without gr or counts',
      () => ['fit', 'gr', csv('grcols.csv', 'dose,response\n1,2\n')],
      /give dose,gr or dose,count,control,time0/,
    ],
    [
      'an unknown fit',
      () => ['fit', 'ec90', csv('any.csv', 'dose,response\n1,2\n')],
      /unknown fit "ec90": use ic50 or gr/,
    ],
  ];
  for (const [label, args, message] of cases) {
    it(label, async () => {
      const run = await runCli(args());
      expect(run.code, run.stdout).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('--json reports the error as one object', async () => {
    const run = await runCli(['fit', 'ic50', path.join(root, 'nope.csv'), '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/no such file/),
    });
  });

  it('takes no --profile', async () => {
    const run = await runCli(['fit', 'ic50', 'x.csv', '--profile', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/fit takes no --profile/);
  });
});
