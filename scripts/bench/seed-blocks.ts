import fs from 'node:fs';
import path from 'node:path';
import { monotonicFactory, ulid } from 'ulid';
import { databasePath, openProfile } from '../../electron/core/index';
import { createNotebook } from '../../electron/core/notebooks';
import { demoExperiment, protocolBlockNode } from '../../shared/demo/index';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import { plainTextOf } from '../../shared/domain/plain-text';
import type { BlockValues } from '../../shared/templates/block';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import type { TemplateDefinition } from '../../shared/templates/definition';
import { evaluateBlock } from '../../shared/templates/evaluate';
import type { EvaluationEnv } from '../../shared/templates/evaluation';
import { blockLabel, indexRowsOf, linkTargetsOf, type IndexRow } from '../../shared/templates/index-rows';
import type { LinkTarget } from '../../shared/templates/links';
import { Prng } from './prng';

/**
 * The structured-query benchmark's profile: entries of 20 protocol blocks
 * each (100,000 blocks by default, about 1.5 million block_values rows).
 *
 * Evaluating 100,000 blocks one by one would take minutes (an IC50 plate's
 * 4PL fit alone is several ms), so the blocks are drawn from a pool of
 * variants of the demo experiment's blocks (shared/demo): each variant has
 * its drug, model, lot and dates replaced, its numbers scaled, half its
 * choices (enum fields) changed to another option and its tables cut to one
 * or two rows, and is then evaluated and indexed by the real engine
 * (evaluateBlock, indexRowsOf, blockLabel, linkTargetsOf). Rows go in
 * directly, in large transactions; every block's values JSON is also in its
 * entry's draft, so saving one of these entries indexes exactly as the app
 * would.
 */

/** Bump when the generator or the schema changes, so cached profiles are rebuilt. */
export const BLOCKS_DATA_VERSION = 3;

export const BLOCKS_PER_ENTRY = 20;

export interface BlocksSeedOptions {
  blocks: number;
  seed: number;
}

export interface BlocksSeedInfo extends BlocksSeedOptions {
  version: number;
  entries: number;
  valueRows: number;
  linkRows: number;
  variants: number;
  byTemplate: Record<string, number>;
  seedSeconds: number;
  databaseBytes: number;
}

/** How often each template appears: stocks and harvests are common, in vivo studies rare. */
const WEIGHTS: Record<string, number> = {
  'model-record': 16,
  'drug-stock': 24,
  'ic50-plate': 5,
  'persister-induction': 10,
  'drug-holiday': 6,
  'pdx-treatment': 2,
  'barcode-transduction': 5,
  'sample-harvest': 32,
};

/** Variants evaluated per demo block (expensive templates get fewer). */
const VARIANTS: Record<string, number> = {
  'ic50-plate': 120,
  'pdx-treatment': 80,
};
const DEFAULT_VARIANTS = 400;

export const MODELS = [
  'NCI-H69',
  'NCI-H82',
  'NCI-H209',
  'NCI-H526',
  'NCI-H446',
  'NCI-H1048',
  'DMS53',
  'DMS114',
  'DMS273',
  'COR-L88',
  'MDA-SC68',
  'MDA-SC39',
  'CDX-DEMO-01',
  'CDX-DEMO-02',
  'LX95',
  'LX110',
];

/** Drugs with lab-like frequencies: platinum-etoposide dominates. */
export const DRUG_POOL = [
  ...Array<string>(30).fill('cisplatin'),
  ...Array<string>(22).fill('etoposide'),
  ...Array<string>(12).fill('carboplatin'),
  ...Array<string>(8).fill('temozolomide'),
  ...Array<string>(7).fill('lurbinectedin'),
  ...Array<string>(6).fill('olaparib'),
  ...Array<string>(5).fill('irinotecan'),
  ...Array<string>(5).fill('topotecan'),
  ...Array<string>(3).fill('talazoparib'),
  ...Array<string>(2).fill('alisertib'),
];

interface Variant {
  template: TemplateDefinition;
  values: BlockValues;
  valuesJson: string;
  label: string;
  level: 'none' | 'warning' | 'block';
  problems: string;
  rows: IndexRow[];
  /** The block's text values, as the core gives them to blocks_fts. */
  words: string;
  links: LinkTarget[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A changed copy of a demo block's values (see the file comment). */
function perturb(values: unknown, rng: Prng, key = ''): unknown {
  if (Array.isArray(values)) {
    // Tables: keep one or two of their rows.
    const keep = values.length > 1 ? rng.int(1, 2) : values.length;
    return values.slice(0, keep).map((v) => perturb(v, rng, key));
  }
  if (isRecord(values)) {
    if (typeof values.value === 'number' && typeof values.unit === 'string') {
      const factor =
        key.includes('percent') || values.unit === '%' ? rng.next() * 1.6 + 0.2 : 10 ** (rng.next() * 2 - 1);
      return { value: Number((values.value * factor).toPrecision(4)), unit: values.unit };
    }
    if (key === 'wells') return values; // plate maps stay as they are (their fit stays meaningful)
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) out[k] = perturb(v, rng, k);
    return out;
  }
  if (typeof values === 'string') {
    if (key === 'drug') return rng.pick(DRUG_POOL);
    if (key === 'model_id') return rng.pick(MODELS);
    if (key === 'lot') return `${rng.int(20, 26)}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(100, 999)}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(values)) {
      const day = new Date(Date.parse('2024-01-01T00:00:00Z') + rng.int(0, 1060) * 86_400_000);
      return day.toISOString().slice(0, 10);
    }
    return values;
  }
  if (typeof values === 'number' && Number.isFinite(values) && !Number.isInteger(values)) {
    return Number((values * (rng.next() + 0.5)).toPrecision(4));
  }
  return values;
}

/** Enum fields (and enum columns) take another of their options half of the time. */
function varyOptions(template: TemplateDefinition, values: BlockValues, rng: Prng): void {
  for (const group of template.groups) {
    for (const field of group.fields) {
      if (field.type === 'enum' && rng.chance(0.5)) values[field.id] = rng.pick(field.options).value;
      if (field.type !== 'table' || !Array.isArray(values[field.id])) continue;
      for (const row of values[field.id] as Array<Record<string, unknown>>) {
        for (const column of field.columns) {
          if (column.type === 'enum' && rng.chance(0.5)) row[column.id] = rng.pick(column.options).value;
        }
      }
    }
  }
}

function levelOf(problems: ReadonlyArray<{ severity: string }>): Variant['level'] {
  if (problems.some((p) => p.severity === 'block')) return 'block';
  return problems.length > 0 ? 'warning' : 'none';
}

function buildVariants(rng: Prng, env: EvaluationEnv, progress: (m: string) => void): Map<string, Variant[]> {
  let n = 0;
  const ids = monotonicFactory();
  const demo = demoExperiment(() => ids(Date.parse('2026-01-01T00:00:00Z') + n++), env);
  const pool = new Map<string, Variant[]>();
  for (const entry of demo) {
    for (const block of entry.blocks) {
      const template = BUILTIN_TEMPLATES.find((t) => t.id === block.templateId);
      if (!template) continue;
      const count = VARIANTS[template.id] ?? DEFAULT_VARIANTS;
      const list = pool.get(template.id) ?? [];
      for (let i = 0; i < count; i += 1) {
        const values = perturb(block.values, rng) as BlockValues;
        varyOptions(template, values, rng);
        const evaluation = evaluateBlock(template, values, env);
        const rows = indexRowsOf(template, values, evaluation);
        list.push({
          template,
          values,
          words: [...new Set(rows.flatMap((r) => (r.text === null ? [] : [r.text])))].join('\n'),
          valuesJson: JSON.stringify(values),
          label: blockLabel(template, values, evaluation).slice(0, 300),
          level: levelOf(evaluation.problems),
          problems: JSON.stringify(evaluation.problems.slice(0, 100)),
          rows,
          links: linkTargetsOf(template, values),
        });
      }
      pool.set(template.id, list);
      progress(`evaluated ${count} variants of ${template.id}`);
    }
  }
  return pool;
}

/** Writes the profile (see the file comment). */
export function seedBlocksProfile(
  dir: string,
  options: BlocksSeedOptions,
  progress: (message: string) => void,
): BlocksSeedInfo {
  const started = Date.now();
  const rng = new Prng(options.seed);
  fs.mkdirSync(dir, { recursive: true });
  const ctx = openProfile(dir, { user: 'bench', seed: false });
  try {
    const db = ctx.db;
    const env: EvaluationEnv = { today: '2026-11-26', user: 'bench' };
    const pool = buildVariants(rng, env, progress);
    const weighted = Object.entries(WEIGHTS).flatMap(([id, w]) => Array<string>(w).fill(id));
    const notebookId = createNotebook(ctx, 'Structured query bench').id;

    const insertEntry = db.prepare(
      `INSERT INTO entries (id, notebook_id, title, tags, author, created_at, updated_at, problem_level)
       VALUES (?, ?, ?, '[]', 'bench', ?, ?, ?)`,
    );
    const insertDraft = db.prepare(
      'INSERT INTO drafts (entry_id, content, version, saved_at, dirty) VALUES (?, ?, 1, ?, 1)',
    );
    const insertFts = db.prepare('INSERT INTO entries_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)');
    const insertBlock = db.prepare(
      `INSERT INTO blocks (block_id, entry_id, template_id, template_version, position, label, values_json,
         problem_level, problems, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertValue = db.prepare(
      `INSERT INTO block_values (block_id, entry_id, template_id, field, row_id, num, text, unit)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLink = db.prepare(
      `INSERT INTO block_links (from_block_id, from_entry_id, field_id, row_id, to_entry_id, to_block_id, lineage)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertField = db.prepare(
      'INSERT OR IGNORE INTO block_fields (field, template_id, kind, unit) VALUES (?, ?, ?, ?)',
    );
    const insertWords = db.prepare('INSERT INTO blocks_fts (rowid, label, body) VALUES (?, ?, ?)');

    const entries = Math.ceil(options.blocks / BLOCKS_PER_ENTRY);
    const firstMs = Date.parse('2024-01-08T08:00:00.000Z');
    const spacingMs = (1000 * 86_400_000) / entries;
    const byTemplate: Record<string, number> = {};
    const fields = new Set<string>();
    let valueRows = 0;
    let linkRows = 0;
    let made = 0;

    const writeBatch = db.transaction((from: number, to: number) => {
      for (let e = from; e < to; e += 1) {
        const at = firstMs + e * spacingMs;
        const entryId = ulid(at);
        const when = new Date(at).toISOString();
        const nodes = [];
        const blocks: Array<{ id: string; variant: Variant }> = [];
        for (let k = 0; k < BLOCKS_PER_ENTRY && made < options.blocks; k += 1, made += 1) {
          const templateId = rng.pick(weighted);
          const variant = rng.pick(pool.get(templateId) as Variant[]);
          const id = ulid(at + k);
          blocks.push({ id, variant });
          nodes.push(protocolBlockNode(id, variant.template, variant.values));
          byTemplate[templateId] = (byTemplate[templateId] ?? 0) + 1;
        }
        const title = `Bench experiment ${e + 1}: ${blocks[0]?.variant.label ?? ''}`.slice(0, 300);
        const content = documentOf(paragraph(`Protocol blocks for ${title}.`), ...nodes);
        const level = blocks.some((b) => b.variant.level === 'block')
          ? 'block'
          : blocks.some((b) => b.variant.level === 'warning')
            ? 'warning'
            : 'none';
        const info = insertEntry.run(entryId, notebookId, title, when, when, level);
        insertDraft.run(entryId, JSON.stringify(content), when);
        insertFts.run(
          info.lastInsertRowid,
          title,
          `${plainTextOf(content)}\n${blocks.map((b) => b.variant.label).join('\n')}`,
          '',
        );
        blocks.forEach(({ id, variant }, position) => {
          const t = variant.template;
          const block = insertBlock.run(
            id,
            entryId,
            t.id,
            t.version,
            position,
            variant.label,
            variant.valuesJson,
            variant.level,
            variant.problems,
            when,
            when,
          );
          for (const row of variant.rows) {
            const num = row.num !== null && Number.isFinite(row.num) ? row.num : null;
            if (num === null && row.text === null) continue;
            insertValue.run(id, entryId, t.id, row.field, row.rowId, num, row.text, row.unit);
            valueRows += 1;
            const key = `${row.field}\u0000${t.id}\u0000${num !== null ? 'num' : 'text'}\u0000${num !== null ? (row.unit ?? '') : ''}`;
            if (!fields.has(key)) {
              fields.add(key);
              insertField.run(...key.split('\u0000'));
            }
          }
          insertWords.run(block.lastInsertRowid, variant.label, variant.words);
          for (const link of variant.links) {
            insertLink.run(
              id,
              entryId,
              link.fieldId,
              link.rowId ?? null,
              link.entryId,
              link.blockId ?? null,
              link.lineage ? 1 : 0,
            );
            linkRows += 1;
          }
        });
      }
    });

    const batch = 250;
    for (let from = 0; from < entries; from += batch) {
      writeBatch(from, Math.min(entries, from + batch));
      if ((from / batch) % 4 === 0)
        progress(`seeded ${Math.min(entries, from + batch) * BLOCKS_PER_ENTRY} / ${options.blocks} blocks`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      ...options,
      version: BLOCKS_DATA_VERSION,
      entries,
      valueRows,
      linkRows,
      variants: [...pool.values()].reduce((a, l) => a + l.length, 0),
      byTemplate,
      seedSeconds: (Date.now() - started) / 1000,
      databaseBytes: fs.statSync(databasePath(dir)).size,
    };
  } finally {
    ctx.close();
  }
}

/** The seeded blocks profile, from the cache when a complete one with the same version, size and seed is there. */
export function cachedBlocksProfile(
  cacheRoot: string,
  options: BlocksSeedOptions,
  reseed: boolean,
  progress: (message: string) => void,
): { dir: string; info: BlocksSeedInfo; fromCache: boolean } {
  const key = `blocks-v${BLOCKS_DATA_VERSION}-${options.blocks}b-s${options.seed}`;
  const dir = path.join(cacheRoot, key);
  const marker = path.join(cacheRoot, `${key}.json`);
  if (!reseed && fs.existsSync(marker) && fs.existsSync(databasePath(dir))) {
    return { dir, info: JSON.parse(fs.readFileSync(marker, 'utf8')) as BlocksSeedInfo, fromCache: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  const info = seedBlocksProfile(dir, options, progress);
  fs.writeFileSync(marker, JSON.stringify(info, null, 2));
  return { dir, info, fromCache: false };
}
