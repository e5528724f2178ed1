import fs from 'node:fs';
import type { Estimate } from '../../../shared/calc/curve';
import { formatNumber } from '../../../shared/units/format';
import { CliError, EXIT, formatPairs, printJson, usageError, type Command } from '../command';

/**
 * `persist fit ic50|gr FILE.csv`: the same 4PL and GR fits the editor's IC50
 * template uses (shared/calc), on a CSV file. The fit modules (and the
 * optimiser library behind them) are loaded when the command runs, not when
 * the CLI starts; they are imported directly rather than through
 * shared/calc/index.ts, which would also load the units library.
 */
async function calc() {
  const [fourPl, gr] = await Promise.all([
    import('../../../shared/calc/fit-4pl'),
    import('../../../shared/calc/fit-gr'),
  ]);
  return { fit4pl: fourPl.fit4pl, fitGr: gr.fitGr, grValue: gr.grValue };
}
type Calc = Awaited<ReturnType<typeof calc>>;

function inputError(message: string): CliError {
  return new CliError(EXIT.usage, 'invalid_input', message);
}

/** Splits one CSV line (comma, semicolon or tab separated; "quoted" cells allowed). */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

interface Table {
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export function readCsv(file: string): Table {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw inputError(`cannot read ${file}: no such file`);
  }
  if (stat.isDirectory()) throw inputError(`${file} is a folder, not a CSV file`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (lines.length === 0) throw inputError(`${file} is empty`);
  const first = (lines[0] as { text: string }).text;
  const separator = first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ',';
  const header = cells(first, separator).map((h) => h.toLowerCase());
  return { header, rows: lines.slice(1).map((l) => ({ line: l.line, cells: cells(l.text, separator) })) };
}

const ALIASES: Record<string, string[]> = {
  dose: ['dose', 'concentration', 'conc'],
  response: ['response', 'viability', 'signal'],
  gr: ['gr', 'gr_value'],
  count: ['count', 'treated'],
  control: ['control', 'vehicle'],
  time0: ['time0', 'time_0', 't0', 'initial'],
};

function columnIndex(header: string[], name: string): number {
  return header.findIndex((h) => (ALIASES[name] ?? [name]).includes(h.replace(/\s*\(.*\)$/, '')));
}

/** The numbers of the named columns, row by row; errors name the file, line and column. */
function numericColumns(file: string, table: Table, names: string[]): number[][] {
  const looksNumeric = table.header.every((h) => h !== '' && Number.isFinite(Number(h)));
  if (looksNumeric) {
    throw inputError(
      `${file}: the first line must be a header naming the columns ${names.join(', ')}; it holds numbers`,
    );
  }
  const indexes = names.map((n) => columnIndex(table.header, n));
  const missing = names.filter((_, i) => indexes[i] === -1);
  if (missing.length > 0) {
    throw inputError(
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has: ${table.header.join(', ') || 'nothing'})`,
    );
  }
  if (table.rows.length === 0) throw inputError(`${file} has a header but no data rows`);
  return table.rows.map(({ line, cells: row }) =>
    indexes.map((index, k) => {
      const raw = row[index] ?? '';
      const value = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) {
        const what = raw === '' ? 'is empty' : `'${raw.slice(0, 40)}' is not a number`;
        throw inputError(`${file} line ${line}: ${names[k]} ${what}`);
      }
      return value;
    }),
  );
}

const round = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(10)));

function shown(e: Estimate | number | null, digits = 4): string {
  if (e === null) return '–';
  if (typeof e === 'number') return formatNumber(e, { significantDigits: digits, ascii: true });
  const ci = e.ci
    ? ` (95 % CI ${formatNumber(e.ci[0], { ascii: true })}-${formatNumber(e.ci[1], { ascii: true })})`
    : '';
  return `${formatNumber(e.value, { significantDigits: digits, ascii: true })}${ci}`;
}

function fitIc50(fits: Calc, file: string, table: Table, json: boolean, io: Parameters<Command['run']>[0]['io']) {
  const rows = numericColumns(file, table, ['dose', 'response']);
  const result = fits.fit4pl(rows.map(([dose, response]) => ({ dose: dose as number, response: response as number })));
  if (!result.ok) throw inputError(`${file}: ${result.error.message}`);
  const f = result.value;
  const doses = new Set(rows.map((r) => r[0])).size;
  if (json) {
    printJson(io, {
      ok: true,
      kind: 'ic50',
      file,
      points: f.n,
      doses,
      ic50: round(f.ic50.value),
      ic50_ci: f.ic50.ci ? f.ic50.ci.map((x) => round(x)) : null,
      hill: round(f.hill.value),
      top: round(f.top.value),
      bottom: round(f.bottom.value),
      r2: round(f.r2),
      abs_ic50: round(f.absIc50),
      converged: f.converged,
      flags: {
        ic50_outside_range: f.flags.ic50OutsideRange,
        low_r2: f.flags.lowR2,
        not_converged: f.flags.notConverged,
      },
      warnings: f.warnings,
    });
  } else {
    io.stdout(`4PL fit of ${file} (${f.n} points, ${doses} doses)\n`);
    io.stdout(
      formatPairs([
        ['IC50', shown(f.ic50)],
        ['Hill slope', shown(f.hill)],
        ['Top', shown(f.top)],
        ['Bottom', shown(f.bottom)],
        ['R²', shown(f.r2)],
        ['Absolute IC50', shown(f.absIc50)],
      ]),
    );
    for (const w of f.warnings) io.stdout(`warning: ${w}\n`);
  }
}

function grPoints(fits: Calc, file: string, table: Table): Array<{ concentration: number; gr: number }> {
  if (columnIndex(table.header, 'gr') !== -1) {
    return numericColumns(file, table, ['dose', 'gr']).map(([c, gr]) => ({
      concentration: c as number,
      gr: gr as number,
    }));
  }
  const hasCounts = ['count', 'control', 'time0'].some((n) => columnIndex(table.header, n) !== -1);
  if (!hasCounts) {
    throw inputError(
      `${file}: missing columns: give dose,gr or dose,count,control,time0 (the header has: ${table.header.join(', ') || 'nothing'})`,
    );
  }
  const rows = numericColumns(file, table, ['dose', 'count', 'control', 'time0']);
  return rows.map(([c, count, control, time0], i) => {
    const gr = fits.grValue({ treated: count as number, control: control as number, initial: time0 as number });
    if (!gr.ok) throw inputError(`${file} line ${(table.rows[i] as { line: number }).line}: ${gr.error.message}`);
    return { concentration: c as number, gr: gr.value };
  });
}

function fitGrFile(fits: Calc, file: string, table: Table, json: boolean, io: Parameters<Command['run']>[0]['io']) {
  const points = grPoints(fits, file, table);
  const result = fits.fitGr(points);
  if (!result.ok) throw inputError(`${file}: ${result.error.message}`);
  const f = result.value;
  const doses = new Set(points.map((p) => p.concentration)).size;
  if (json) {
    printJson(io, {
      ok: true,
      kind: 'gr',
      file,
      points: f.n,
      doses,
      gr50: round(f.gr50),
      grinf: round(f.grInf.value),
      gec50: round(f.gec50.value),
      h: round(f.hill.value),
      grmax: round(f.grMax),
      gr_aoc: round(f.grAoc),
      r2: round(f.r2),
      converged: f.converged,
      flags: {
        gr50_outside_range: f.flags.gr50OutsideRange,
        low_r2: f.flags.lowR2,
        not_converged: f.flags.notConverged,
        flat_fit_preferred: f.flags.flatFitPreferred,
      },
      warnings: f.warnings,
    });
  } else {
    io.stdout(`GR fit of ${file} (${f.n} points, ${doses} doses)\n`);
    io.stdout(
      formatPairs([
        ['GR50', shown(f.gr50)],
        ['GRinf', shown(f.grInf)],
        ['GEC50', shown(f.gec50)],
        ['Hill slope (h)', shown(f.hill)],
        ['GRmax', shown(f.grMax)],
        ['GR AOC', shown(f.grAoc)],
        ['R²', shown(f.r2)],
      ]),
    );
    for (const w of f.warnings) io.stdout(`warning: ${w}\n`);
  }
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit a dose-response curve from a CSV file (4PL IC50, or GR metrics)',
  synopsis: 'fit ic50|gr FILE.csv [--json]',
  description: [
    'Fits the same curves as the IC50 template (shared/calc), from a CSV file whose',
    'first line is a header:',
    '  fit ic50 FILE.csv   columns dose,response (e.g. % viability); repeated doses',
    '                      are replicates. Reports IC50 (95 % CI), Hill slope, top,',
    '                      bottom, R² and the absolute IC50 (dose giving 50).',
    '  fit gr FILE.csv     columns dose,gr (GR values), or dose,count,control,time0',
    '                      (end-of-assay counts of treated and vehicle wells and the',
    '                      time-0 count). Reports GR50, GRinf, GEC50, h, GRmax, GR AOC.',
    'At least 4 different doses are needed. Doses are in any one unit; IC50, GEC50',
    'and GR50 come back in that unit. A file that cannot be read or fitted exits 2.',
  ].join('\n'),
  profile: 'none',
  positionals: { min: 2, max: 2 },
  async run({ positionals, json, io }) {
    const [kind, file] = positionals as [string, string];
    if (kind !== 'ic50' && kind !== 'gr') throw usageError(`unknown fit "${kind}": use ic50 or gr`);
    const table = readCsv(file);
    const fits = await calc();
    if (kind === 'ic50') fitIc50(fits, file, table, json, io);
    else fitGrFile(fits, file, table, json, io);
    return EXIT.ok;
  },
};
