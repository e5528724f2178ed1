import { PersistError } from '../../shared/ipc/errors';
import type { BlockEvaluation, EvaluationEnv } from '../../shared/templates/evaluation';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { IndexRow } from '../../shared/templates/index-rows';
import type { LinkTarget } from '../../shared/templates/links';
import type { TemplateValidation } from '../../shared/templates/validate';
import type { DemoEntry } from '../../shared/demo/index';

/**
 * The template engine (shared/templates, shared/units, shared/demo) as the
 * core uses it, behind one object that is loaded on demand.
 *
 * Why not plain imports: the engine pulls in the units library (mathjs),
 * which costs about 0.5 s to load in unbundled Node (0.85 s through tsx).
 * The app and the tests load it once at start (electron/core/index.ts does),
 * but CLI commands that never evaluate a block (`info` on an existing
 * profile, `verify`, `search`) should not pay for it. So core modules reach
 * the engine only through `engine()` at call time, and import nothing from
 * shared/templates or shared/units at run time (types only). Every code path
 * that needs it (a save with protocol blocks, seeding, templates.import,
 * query.run) calls `engine()`; a host that opens a profile without loading
 * it can still read, list, search and verify.
 */
export interface Engine {
  /** Validates a stored 'protocol-block' node (shared/templates/block.ts). */
  parseBlock(node: unknown):
    | {
        ok: true;
        block: { blockId: string; templateId: string; templateVersion: number; values: Record<string, unknown> };
      }
    | { ok: false; message: string };
  evaluateBlock(template: TemplateDefinition, values: Record<string, unknown>, env: EvaluationEnv): BlockEvaluation;
  indexRowsOf(template: TemplateDefinition, values: Record<string, unknown>, evaluation: BlockEvaluation): IndexRow[];
  blockLabel(template: TemplateDefinition, values: Record<string, unknown>, evaluation?: BlockEvaluation): string;
  linkTargetsOf(template: TemplateDefinition, values: Record<string, unknown>): LinkTarget[];
  validateTemplate(json: unknown, known?: readonly TemplateDefinition[]): TemplateValidation;
  builtinTemplates(): readonly TemplateDefinition[];
  /** The demo experiment's entries (shared/demo), with their own entry and block ids. */
  demoExperiment(newId: () => string, env: EvaluationEnv): DemoEntry[];
  units: {
    /** A unit on its own ("uM" → "µM"), or a message. */
    parseUnit(text: string): { ok: true; unit: string } | { ok: false; message: string };
    /** `value` in `unit` converted to `toUnit`, or null when they are not of one kind. */
    convert(value: number, unit: string, toUnit: string): number | null;
    /** "a molar concentration" for a unit spelling, or null. */
    describeUnit(unit: string): string | null;
  };
}

let current: Engine | null = null;
let loading: Promise<Engine> | null = null;

/** Installs the engine (electron/core/index.ts does this at import time). */
export function setEngine(engine: Engine): void {
  current = engine;
}

export function engineLoaded(): boolean {
  return current !== null;
}

/** The engine; a host that opened a profile without loading it gets an error, not a crash. */
export function engine(): Engine {
  if (!current) {
    throw new PersistError('internal', 'The template engine is not loaded in this process (a bug in the host).');
  }
  return current;
}

/** Loads the engine on demand (the CLI does, for commands that need it). */
export async function loadEngine(): Promise<Engine> {
  if (current) return current;
  loading ??= import('./engine-impl').then((m) => {
    current = m.ENGINE;
    return m.ENGINE;
  });
  return loading;
}
