import type { Statement } from 'better-sqlite3';
import { compileQuery, runQuery, type QueryStep } from '../../electron/core/query';
import type { Entry, LexicalNodeJson, LexicalState } from '../../shared/domain/types';
import type { QueryHit } from '../../shared/templates/summaries';
import { call, typeInto, type Opened } from './measure';
import type { Prng } from './prng';
import { timed } from './stats';

/**
 * Structured queries (query.run) over the blocks profile, in four kinds: a
 * single condition, a unit-aware range, an and of two conditions, and a
 * query restricted to a template. Plus a few others people type (or, not,
 * contains) reported with them.
 */
export const STRUCTURED_QUERIES: ReadonlyArray<{ kind: string; expr: string }> = [
  { kind: 'single', expr: 'drug = cisplatin' },
  { kind: 'single', expr: 'model_id = NCI-H69' },
  { kind: 'single', expr: 'subtype = SCLC-N' },
  { kind: 'single', expr: 'histology = LCNEC' },
  { kind: 'range', expr: 'concentration >= 0.01 mM' },
  { kind: 'range', expr: 'ic50 < 500 nM' },
  { kind: 'range', expr: 'seeded_cells >= 1e6 cells' },
  { kind: 'range', expr: 'persister_fraction < 5 %' },
  { kind: 'range', expr: 'stock_mm > 10 mM' },
  { kind: 'range', expr: 'viability < 80 %' },
  { kind: 'and', expr: 'drug = cisplatin and concentration >= 10 uM' },
  { kind: 'and', expr: 'model_id = NCI-H69 and persister_fraction < 2 %' },
  { kind: 'and', expr: 'drug = etoposide and stock_mm >= 20 mM' },
  { kind: 'and', expr: 'drug = temozolomide and ic50 > 10 uM' },
  { kind: 'template', expr: 'drug = cisplatin in T2' },
  { kind: 'template', expr: 'viability < 80 % in sample-harvest' },
  { kind: 'template', expr: 'concentration >= 10 uM in persister-induction' },
  { kind: 'template', expr: 'persister_fraction < 5 % in T4' },
  { kind: 'other', expr: 'drug = carboplatin or drug = lurbinectedin' },
  { kind: 'other', expr: 'not drug = cisplatin in T2' },
  { kind: 'other', expr: 'lot ~ 24a' },
];

export interface StructuredQueryTimes {
  ours: number[];
  oursCpu: number[];
  raw: number[];
  rawCpu: number[];
  perQuery: Array<{ expr: string; kind: string; hits: number; strategy: string; ours_ms: number; raw_ms: number }>;
  byKind: Record<string, number[]>;
}

/**
 * query.run through dispatch against the same id-finding SQL run raw (the
 * statements the executor ran, prepared once): interleaved query by query,
 * alternating which goes first, as the search benchmark does.
 */
export async function measureStructuredQueries(
  opened: Opened,
  rng: Prng,
  rounds: number,
): Promise<StructuredQueryTimes> {
  const raws = new Map<string, Array<{ statement: Statement; params: unknown[] }>>();
  const perQuery: StructuredQueryTimes['perQuery'] = [];
  for (const q of STRUCTURED_QUERIES) {
    // Warm-up, and the statements to replay raw.
    const hits = await call<QueryHit[]>(opened, 'query.run', { expr: q.expr });
    const trace: QueryStep[] = [];
    runQuery(opened.ctx, q.expr, 100, { trace });
    raws.set(
      q.expr,
      trace.map((step) => ({ statement: opened.ctx.db.prepare(step.sql), params: step.params })),
    );
    perQuery.push({
      expr: q.expr,
      kind: q.kind,
      hits: hits.length,
      strategy: compileQuery(opened.ctx, q.expr).strategy,
      ours_ms: 0,
      raw_ms: 0,
    });
  }
  const times: StructuredQueryTimes = { ours: [], oursCpu: [], raw: [], rawCpu: [], perQuery, byKind: {} };
  const perOurs = new Map<string, number[]>();
  const perRaw = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const q of rng.sample(STRUCTURED_QUERIES, STRUCTURED_QUERIES.length)) {
      const steps = raws.get(q.expr) ?? [];
      const runs = [
        async () => {
          const t = await timed(() => call(opened, 'query.run', { expr: q.expr }));
          times.ours.push(t.ms);
          times.oursCpu.push(t.cpuMs);
          (times.byKind[q.kind] ??= []).push(t.ms);
          perOurs.set(q.expr, [...(perOurs.get(q.expr) ?? []), t.ms]);
        },
        async () => {
          const t = await timed(() => {
            for (const s of steps) s.statement.all(...s.params);
          });
          times.raw.push(t.ms);
          times.rawCpu.push(t.cpuMs);
          perRaw.set(q.expr, [...(perRaw.get(q.expr) ?? []), t.ms]);
        },
      ];
      if (round % 2 === 1) runs.reverse();
      for (const run of runs) await run();
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  for (const row of perQuery) {
    row.ours_ms = Number(med(perOurs.get(row.expr) ?? []).toFixed(3));
    row.raw_ms = Number(med(perRaw.get(row.expr) ?? []).toFixed(3));
  }
  return times;
}

export interface BlockAutosaveTimes {
  /** Saves that change text around the blocks (the blocks are unchanged: not evaluated). */
  typing: number[];
  /** Saves that also change one value of one block (that block is evaluated and indexed again). */
  valueEdits: number[];
  blocksPerEntry: number;
  avgDocBytes: number;
}

/** Sets a new value in one block of the document: a lot number, or a number scaled a little. */
function editOneBlock(content: LexicalState, rng: Prng, blocks: LexicalNodeJson[]): LexicalState {
  const next = structuredClone(content);
  const nodes = (next.root.children ?? []).filter((n) => n.type === 'protocol-block');
  const index = rng.int(0, Math.max(0, Math.min(nodes.length, blocks.length) - 1));
  const node = nodes[index];
  if (!node) return next;
  const values = node.values as Record<string, unknown>;
  const numeric = Object.entries(values).find(
    ([, v]) => typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'number',
  );
  if (numeric) {
    const v = numeric[1] as { value: number; unit: string };
    values[numeric[0]] = { value: Number((v.value * (0.9 + rng.next() * 0.2)).toPrecision(4)), unit: v.unit };
  } else {
    values.lot = `L${rng.int(1000, 9999)}`;
  }
  return next;
}

/**
 * entries.saveDraft on entries holding 20 protocol blocks: typing in the
 * text around them, and now and then changing one block's value.
 */
export async function measureBlockAutosave(
  opened: Opened,
  entryIds: readonly string[],
  rng: Prng,
  savesPerEntry: number,
): Promise<BlockAutosaveTimes> {
  const out: BlockAutosaveTimes = { typing: [], valueEdits: [], blocksPerEntry: 0, avgDocBytes: 0 };
  let docs = 0;
  for (const id of entryIds) {
    const entry = await call<Entry>(opened, 'entries.get', { id });
    let content = entry.content;
    const blocks = (content.root.children ?? []).filter((n) => n.type === 'protocol-block');
    out.blocksPerEntry = Math.max(out.blocksPerEntry, blocks.length);
    // The first save of a seeded entry cuts its first timed revision: not part of the figure.
    content = typeInto(content, rng);
    await call(opened, 'entries.saveDraft', { id, content });
    for (let k = 0; k < savesPerEntry; k += 1) {
      const edit = k % 10 === 9;
      content = edit ? editOneBlock(content, rng, blocks) : typeInto(content, rng);
      out.avgDocBytes += JSON.stringify(content).length;
      docs += 1;
      const { ms } = await timed(() => call(opened, 'entries.saveDraft', { id, content }));
      (edit ? out.valueEdits : out.typing).push(ms);
    }
  }
  out.avgDocBytes = Math.round(out.avgDocBytes / Math.max(1, docs));
  return out;
}
