import type { LexicalNodeJson, LexicalState } from '../../shared/domain/types';
import { PersistError } from '../../shared/ipc/errors';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { EvaluationEnv, Problem } from '../../shared/templates/evaluation';
import type { CoreContext } from './context';
import { engine } from './engine';
import { templateVersion } from './templates';

/**
 * Indexing the protocol blocks of an entry's draft, inside the save's own
 * transaction: every 'protocol-block' node (at any depth) becomes a row of
 * `blocks`, its values rows of `block_values` (numbers in canonical units,
 * text lower-cased), its links rows of `block_links`. Only blocks whose
 * values (or template version) changed since the last save are evaluated
 * again; the others cost a string comparison. A block whose template is not
 * installed is kept with a blocking problem, never dropped.
 */

export type ProblemLevel = 'none' | 'warning' | 'block';

const LEVEL_RANK: Record<ProblemLevel, number> = { none: 0, warning: 1, block: 2 };

export function worstLevel(levels: Iterable<ProblemLevel>): ProblemLevel {
  let worst: ProblemLevel = 'none';
  for (const level of levels) if (LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
  return worst;
}

export const PROTOCOL_BLOCK_TYPE = 'protocol-block';

/** Counts evaluations, so tests can prove that unchanged blocks are not evaluated again. */
export const indexStats = { evaluations: 0 };

/** Every protocol-block node of a document, in document order (iterative: no recursion limit). */
export function protocolBlockNodes(content: LexicalState): LexicalNodeJson[] {
  const found: LexicalNodeJson[] = [];
  const stack: LexicalNodeJson[] = [content.root];
  while (stack.length > 0) {
    const node = stack.pop() as LexicalNodeJson;
    if (node.type === PROTOCOL_BLOCK_TYPE) found.push(node);
    const children = node.children;
    if (Array.isArray(children))
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as LexicalNodeJson);
  }
  return found;
}

interface StoredBlock {
  block_id: string;
  template_id: string;
  template_version: number;
  position: number;
  values_json: string;
  problem_level: ProblemLevel;
}

interface ParsedBlock {
  blockId: string;
  templateId: string;
  templateVersion: number;
  values: Record<string, unknown>;
  valuesJson: string;
  position: number;
}

function parseBlocks(nodes: LexicalNodeJson[]): ParsedBlock[] {
  const seen = new Set<string>();
  return nodes.map((node, i) => {
    const parsed = engine().parseBlock(node);
    const which = `Protocol block ${i + 1}${typeof node.blockId === 'string' ? ` (${node.blockId.slice(0, 40)})` : ''}`;
    if (!parsed.ok) throw new PersistError('invalid_input', `${which} is not valid: ${parsed.message}`);
    const { blockId, templateId, templateVersion, values } = parsed.block;
    if (seen.has(blockId)) {
      throw new PersistError(
        'invalid_input',
        `${which}: duplicate block id; two blocks of this entry have the id ${blockId}. A copied block needs a new id.`,
      );
    }
    seen.add(blockId);
    return { blockId, templateId, templateVersion, values, valuesJson: JSON.stringify(values), position: i };
  });
}

function problemLevelOf(problems: readonly Problem[]): ProblemLevel {
  return worstLevel(problems.map((p) => (p.severity === 'block' ? 'block' : 'warning')));
}

function evaluationEnv(ctx: CoreContext, blockId: string): EvaluationEnv {
  const now = ctx.now();
  const taken = ctx.db.prepare(
    `SELECT 1 FROM block_values v JOIN entries e ON e.id = v.entry_id
     WHERE v.field = ? AND v.text = ? AND v.template_id = ? AND v.block_id <> ? AND e.deleted_at IS NULL LIMIT 1`,
  );
  return {
    today: now.slice(0, 10),
    now,
    user: ctx.user,
    newId: ctx.newId,
    isTaken: (templateId, fieldId, value) =>
      taken.get(fieldId, value.trim().toLowerCase(), templateId, blockId) !== undefined,
  };
}

function deleteIndexRows(ctx: CoreContext, blockId: string): void {
  ctx.db.prepare('DELETE FROM block_values WHERE block_id = ?').run(blockId);
  ctx.db.prepare('DELETE FROM block_links WHERE from_block_id = ?').run(blockId);
  ctx.db.prepare('DELETE FROM blocks_fts WHERE rowid = (SELECT rowid FROM blocks WHERE block_id = ?)').run(blockId);
}

/** The words a link picker finds a block by: its label and its text values. */
function writeWords(ctx: CoreContext, blockId: string, label: string, texts: Iterable<string>): void {
  const row = ctx.db.prepare('SELECT rowid FROM blocks WHERE block_id = ?').get(blockId) as { rowid: number };
  ctx.db
    .prepare('INSERT INTO blocks_fts (rowid, label, body) VALUES (?, ?, ?)')
    .run(row.rowid, label, [...new Set(texts)].join('\n'));
}

/**
 * Evaluates one block and writes its index rows (replacing the old ones).
 * Returns its problem level.
 */
function indexBlock(ctx: CoreContext, entryId: string, block: ParsedBlock): ProblemLevel {
  const now = ctx.now();
  const template = templateVersion(ctx, block.templateId, block.templateVersion);
  let label: string;
  let problems: Problem[];
  const texts: string[] = [];
  deleteIndexRows(ctx, block.blockId);
  if (!template) {
    label = `${block.templateId} v${block.templateVersion}`;
    problems = [
      {
        severity: 'block',
        code: 'unknown_template',
        message: `This block was written with the template "${block.templateId}" version ${block.templateVersion}, which is not installed here. Its values are kept; import that template to check and index them.`,
        fieldId: null,
      },
    ];
  } else {
    const e = engine();
    indexStats.evaluations += 1;
    const evaluation = e.evaluateBlock(template, block.values, evaluationEnv(ctx, block.blockId));
    problems = evaluation.problems;
    label = e.blockLabel(template, block.values, evaluation).slice(0, 300);
    const rows = e.indexRowsOf(template, block.values, evaluation);
    writeValues(ctx, entryId, block.blockId, template, rows);
    for (const row of rows) if (row.text !== null) texts.push(row.text);
    const links = ctx.db.prepare(
      `INSERT INTO block_links (from_block_id, from_entry_id, field_id, row_id, to_entry_id, to_block_id, lineage)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const link of e.linkTargetsOf(template, block.values)) {
      links.run(
        block.blockId,
        entryId,
        link.fieldId,
        link.rowId ?? null,
        link.entryId,
        link.blockId ?? null,
        link.lineage ? 1 : 0,
      );
    }
  }
  const level = problemLevelOf(problems);
  const problemsJson = JSON.stringify(problems.slice(0, 100));
  // One upsert: a block keeps its created_at; everything else is rewritten.
  ctx.db
    .prepare(
      `INSERT INTO blocks (block_id, entry_id, template_id, template_version, position, label, values_json,
         problem_level, problems, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (block_id) DO UPDATE SET template_id = excluded.template_id,
         template_version = excluded.template_version, position = excluded.position, label = excluded.label,
         values_json = excluded.values_json, problem_level = excluded.problem_level, problems = excluded.problems,
         updated_at = excluded.updated_at`,
    )
    .run(
      block.blockId,
      entryId,
      block.templateId,
      block.templateVersion,
      block.position,
      label,
      block.valuesJson,
      level,
      problemsJson,
      now,
      now,
    );
  writeWords(ctx, block.blockId, label, texts);
  return level;
}

function writeValues(
  ctx: CoreContext,
  entryId: string,
  blockId: string,
  template: TemplateDefinition,
  rows: ReturnType<ReturnType<typeof engine>['indexRowsOf']>,
): void {
  const insert = ctx.db.prepare(
    `INSERT INTO block_values (block_id, entry_id, template_id, field, row_id, num, text, unit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fields = new Set<string>();
  for (const row of rows) {
    const num = row.num !== null && Number.isFinite(row.num) ? row.num : null;
    if (num === null && row.text === null) continue;
    insert.run(blockId, entryId, template.id, row.field, row.rowId, num, row.text, row.unit);
    fields.add(`${row.field}\u0000${num !== null ? 'num' : 'text'}\u0000${num !== null ? (row.unit ?? '') : ''}`);
  }
  const known = ctx.db.prepare(
    'INSERT OR IGNORE INTO block_fields (field, template_id, kind, unit) VALUES (?, ?, ?, ?)',
  );
  for (const key of fields) {
    const [field, kind, unit] = key.split('\u0000') as [string, string, string];
    known.run(field, template.id, kind, unit);
  }
}

function deleteBlock(ctx: CoreContext, blockId: string): void {
  deleteIndexRows(ctx, blockId);
  ctx.db.prepare('DELETE FROM blocks WHERE block_id = ?').run(blockId);
}

/**
 * Brings the index of one entry's blocks in line with its draft content and
 * sets the entry's problem level. Call inside the save's transaction.
 * Throws invalid_input (nothing is written: the caller's transaction rolls
 * back) for a malformed block node or a block id that another entry owns.
 */
export function indexEntryBlocks(ctx: CoreContext, entryId: string, content: LexicalState): ProblemLevel {
  const nodes = protocolBlockNodes(content);
  const stored = ctx.db
    .prepare(
      `SELECT block_id, template_id, template_version, position, values_json, problem_level
       FROM blocks WHERE entry_id = ?`,
    )
    .all(entryId) as StoredBlock[];
  if (nodes.length === 0 && stored.length === 0) return 'none';

  const blocks = nodes.length > 0 ? parseBlocks(nodes) : [];
  const byId = new Map(stored.map((b) => [b.block_id, b]));
  const owner = ctx.db.prepare(
    'SELECT b.entry_id, e.title FROM blocks b JOIN entries e ON e.id = b.entry_id WHERE b.block_id = ?',
  );
  const levels: ProblemLevel[] = [];
  for (const block of blocks) {
    const old = byId.get(block.blockId);
    if (!old) {
      const other = owner.get(block.blockId) as { entry_id: string; title: string } | undefined;
      if (other) {
        throw new PersistError(
          'invalid_input',
          `duplicate block id: the block ${block.blockId} already belongs to the entry "${other.title}". A copied or pasted block needs a new id.`,
        );
      }
      levels.push(indexBlock(ctx, entryId, block));
      continue;
    }
    byId.delete(block.blockId);
    const unchanged =
      old.values_json === block.valuesJson &&
      old.template_id === block.templateId &&
      old.template_version === block.templateVersion;
    if (unchanged) {
      if (old.position !== block.position) {
        ctx.db.prepare('UPDATE blocks SET position = ? WHERE block_id = ?').run(block.position, block.blockId);
      }
      levels.push(old.problem_level);
    } else {
      levels.push(indexBlock(ctx, entryId, block));
    }
  }
  for (const gone of byId.keys()) deleteBlock(ctx, gone);
  const level = worstLevel(levels);
  ctx.db.prepare('UPDATE entries SET problem_level = ? WHERE id = ? AND problem_level <> ?').run(level, entryId, level);
  return level;
}

/** The labels of an entry's blocks, for full-text search. */
export function blockLabelsText(ctx: CoreContext, entryId: string): string {
  const rows = ctx.db.prepare('SELECT label FROM blocks WHERE entry_id = ? ORDER BY position').all(entryId) as Array<{
    label: string;
  }>;
  return rows.map((r) => r.label).join('\n');
}

/**
 * Indexes again every block written with one template version (after that
 * version was imported: the blocks were kept as "unknown template" until
 * now), and refreshes their entries' problem levels.
 */
export function reindexTemplateBlocks(ctx: CoreContext, templateId: string, version: number): void {
  const rows = ctx.db
    .prepare(
      `SELECT block_id, entry_id, position, values_json FROM blocks WHERE template_id = ? AND template_version = ?`,
    )
    .all(templateId, version) as Array<{ block_id: string; entry_id: string; position: number; values_json: string }>;
  const entries = new Set<string>();
  for (const row of rows) {
    indexBlock(ctx, row.entry_id, {
      blockId: row.block_id,
      templateId,
      templateVersion: version,
      values: JSON.parse(row.values_json) as Record<string, unknown>,
      valuesJson: row.values_json,
      position: row.position,
    });
    entries.add(row.entry_id);
  }
  const levels = ctx.db.prepare('SELECT problem_level FROM blocks WHERE entry_id = ?');
  for (const entryId of entries) {
    const level = worstLevel(
      (levels.all(entryId) as Array<{ problem_level: ProblemLevel }>).map((r) => r.problem_level),
    );
    ctx.db.prepare('UPDATE entries SET problem_level = ? WHERE id = ?').run(level, entryId);
  }
}
