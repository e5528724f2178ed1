import canonicalize from 'canonicalize';
import { PersistError } from '../../shared/ipc/errors';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { TemplateSummary } from '../../shared/templates/summaries';
import type { CoreContext } from './context';
import type { Db } from './db/open-database';
import { engine } from './engine';

/**
 * Template definitions in the profile: every version ever installed, kept
 * forever, because an entry's block records the template version it was
 * written with and must keep rendering with it.
 */

interface TemplateRow {
  id: string;
  version: number;
  name: string;
  code: string | null;
  definition: string;
  builtin: number;
  created_at: string;
}

/** Parsed definitions by "id@version". A stored (id, version) never changes, so the cache never goes stale. */
const definitions = new WeakMap<Db, Map<string, TemplateDefinition | null>>();

function cacheOf(db: Db): Map<string, TemplateDefinition | null> {
  let cache = definitions.get(db);
  if (!cache) {
    cache = new Map();
    definitions.set(db, cache);
  }
  return cache;
}

/** The definition of one template version, or null when it is not installed. */
export function templateVersion(ctx: CoreContext, id: string, version: number): TemplateDefinition | null {
  const cache = cacheOf(ctx.db);
  const key = `${id}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = ctx.db.prepare('SELECT definition FROM templates WHERE id = ? AND version = ?').get(id, version) as
    { definition: string } | undefined;
  if (!row) return null; // not cached: it may be imported later
  const definition = JSON.parse(row.definition) as TemplateDefinition;
  cache.set(key, definition);
  return definition;
}

const LATEST_SQL = `
  SELECT t.* FROM templates t
  WHERE t.version = (SELECT max(version) FROM templates u WHERE u.id = t.id)`;

function summaryOf(row: TemplateRow, definition: TemplateDefinition): TemplateSummary {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    code: row.code,
    category: definition.category,
    description: definition.description,
    builtin: row.builtin === 1,
  };
}

/** The latest version of every template, built-ins first, then by name. */
export function listTemplates(ctx: CoreContext): TemplateSummary[] {
  const rows = ctx.db
    .prepare(`${LATEST_SQL} ORDER BY t.builtin DESC, t.name COLLATE NOCASE, t.id`)
    .all() as TemplateRow[];
  return rows.map((row) => summaryOf(row, templateVersion(ctx, row.id, row.version) as TemplateDefinition));
}

/** The latest definition of every template (for validation of links, query field names). */
export function latestDefinitions(ctx: CoreContext): TemplateDefinition[] {
  const rows = ctx.db.prepare(LATEST_SQL).all() as TemplateRow[];
  return rows.map((row) => templateVersion(ctx, row.id, row.version) as TemplateDefinition);
}

/** Every installed definition, all versions (query field names may come from any of them). */
export function allDefinitions(ctx: CoreContext): TemplateDefinition[] {
  const rows = ctx.db.prepare('SELECT id, version FROM templates').all() as Array<{ id: string; version: number }>;
  return rows.map((row) => templateVersion(ctx, row.id, row.version) as TemplateDefinition);
}

export function getTemplate(ctx: CoreContext, id: string, version?: number): TemplateDefinition {
  const row = (
    version === undefined
      ? ctx.db.prepare('SELECT id, version FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1').get(id)
      : ctx.db.prepare('SELECT id, version FROM templates WHERE id = ? AND version = ?').get(id, version)
  ) as { id: string; version: number } | undefined;
  if (!row) {
    throw new PersistError(
      'not_found',
      version === undefined
        ? `There is no template "${id.slice(0, 64)}".`
        : `There is no version ${version} of the template "${id.slice(0, 64)}".`,
    );
  }
  return templateVersion(ctx, row.id, row.version) as TemplateDefinition;
}

function insertTemplate(ctx: CoreContext, template: TemplateDefinition, builtin: boolean): void {
  ctx.db
    .prepare(
      `INSERT INTO templates (id, version, name, code, definition, builtin, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      template.id,
      template.version,
      template.name,
      template.code ?? null,
      JSON.stringify(template),
      builtin ? 1 : 0,
      ctx.now(),
    );
}

/**
 * Installs the built-in templates that this profile does not have yet (a new
 * profile, or an app update that ships a new version). Cheap when nothing is
 * missing: one small SELECT. Runs at every open where the engine is loaded.
 */
export function installBuiltinTemplates(ctx: CoreContext): number {
  const builtins = engine().builtinTemplates();
  if (builtins.length === 0) return 0;
  const have = new Set(
    (
      ctx.db.prepare('SELECT id, version FROM templates WHERE builtin = 1').all() as Array<{
        id: string;
        version: number;
      }>
    ).map((r) => `${r.id}@${r.version}`),
  );
  const missing = builtins.filter((t) => !have.has(`${t.id}@${t.version}`));
  if (missing.length === 0) return 0;
  ctx.db.transaction(() => {
    for (const template of missing) {
      // A user import may already hold this id and version: the stored one wins.
      const exists = ctx.db
        .prepare('SELECT 1 FROM templates WHERE id = ? AND version = ?')
        .get(template.id, template.version);
      if (!exists) insertTemplate(ctx, template, true);
    }
  })();
  return missing.length;
}

/**
 * Imports a template definition: validated by the engine (nothing is stored
 * when it fails); the same id and version again is accepted only with the
 * same definition; a new version is stored beside the old ones. Blocks that
 * were written with exactly this id and version while it was missing are
 * indexed again.
 */
export function importTemplate(
  ctx: CoreContext,
  json: unknown,
  reindex: (ctx: CoreContext, templateId: string, version: number) => void,
): TemplateSummary {
  const result = engine().validateTemplate(json, latestDefinitions(ctx));
  if (!result.ok) throw new PersistError('invalid_input', result.message.slice(0, 1500));
  const template = result.template;
  return ctx.db.transaction(() => {
    const existing = ctx.db
      .prepare('SELECT * FROM templates WHERE id = ? AND version = ?')
      .get(template.id, template.version) as TemplateRow | undefined;
    if (existing) {
      const same = canonicalize(JSON.parse(existing.definition)) === canonicalize(template);
      if (!same) {
        const latest = (
          ctx.db.prepare('SELECT max(version) AS v FROM templates WHERE id = ?').get(template.id) as { v: number }
        ).v;
        throw new PersistError(
          'conflict',
          `Version ${template.version} of the template "${template.id}" is already installed with a different definition. ` +
            `Give the changed template version ${latest + 1}.`,
        );
      }
      return summaryOf(existing, JSON.parse(existing.definition) as TemplateDefinition);
    }
    insertTemplate(ctx, template, false);
    reindex(ctx, template.id, template.version);
    const row = ctx.db
      .prepare('SELECT * FROM templates WHERE id = ? AND version = ?')
      .get(template.id, template.version) as TemplateRow;
    return summaryOf(row, template);
  })();
}
