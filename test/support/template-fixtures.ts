import { protocolBlockNode } from '../../shared/demo/protocol-block';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson, LexicalState } from '../../shared/domain/types';
import type { BlockValues } from '../../shared/templates/block';
import type { TemplateDefinition } from '../../shared/templates/definition';
import { createHandlers, dispatch, type CoreContext, type Handlers } from '../../electron/core/index';
import { tempProfile } from './temp-profile';

/**
 * Small templates for core tests of storage, indexing and queries: fewer
 * fields than the built-ins, so a test states every value it depends on.
 */

/** A stock: text, units of three families, an integer, a percentage, a date. */
export const FIXTURE_STOCK: TemplateDefinition = {
  id: 'fixture-stock',
  version: 1,
  code: 'FX1',
  name: 'Fixture stock',
  description: 'A drug stock for tests.',
  category: 'reagent',
  label: '{{drug}}[ lot {{lot}}]',
  groups: [
    {
      id: 'main',
      label: 'Main',
      fields: [
        { id: 'drug', type: 'text', label: 'Drug', required: true },
        { id: 'lot', type: 'text', label: 'Lot' },
        {
          id: 'concentration',
          type: 'number',
          label: 'Concentration',
          family: 'molarConcentration',
          unit: 'µM',
          warn: { max: 100 },
          block: { max: 1000 },
        },
        { id: 'volume', type: 'number', label: 'Volume', family: 'volume', unit: 'mL' },
        { id: 'passage', type: 'integer', label: 'Passage' },
        { id: 'viability', type: 'number', label: 'Viability', family: 'percent', unit: '%' },
        { id: 'prepared', type: 'date', label: 'Prepared' },
      ],
    },
  ],
  rules: [],
};

/** A culture: a lineage link to its parent culture, a plain link to a stock, a treatment table. */
export const FIXTURE_CULTURE: TemplateDefinition = {
  id: 'fixture-culture',
  version: 1,
  code: 'FX2',
  name: 'Fixture culture',
  description: 'A culture derived from another, for lineage and link tests.',
  category: 'treatment',
  label: '{{name}}',
  groups: [
    {
      id: 'main',
      label: 'Main',
      fields: [
        { id: 'name', type: 'text', label: 'Name', required: true },
        {
          id: 'parent',
          type: 'link',
          label: 'Parent culture',
          target: { kind: 'block', templateIds: ['fixture-culture'] },
          lineage: true,
        },
        {
          id: 'stock',
          type: 'link',
          label: 'Stock',
          target: { kind: 'block', templateIds: ['fixture-stock'] },
          snapshot: ['drug'],
        },
        {
          id: 'treatments',
          type: 'table',
          label: 'Treatments',
          columns: [
            { id: 'drug', type: 'text', label: 'Drug' },
            { id: 'dose', type: 'number', label: 'Dose', family: 'molarConcentration', unit: 'µM' },
          ],
        },
      ],
    },
  ],
  rules: [],
};

export const q = (value: number, unit: string) => ({ value, unit });

/** A ULID-shaped id that sorts by `n` (block ids must be ULIDs). */
export function fixedId(n: number, prefix = '01J0000000'): string {
  return `${prefix}${String(n).padStart(26 - prefix.length, '0')}`;
}

export function blockOf(blockId: string, template: TemplateDefinition, values: BlockValues): LexicalNodeJson {
  return protocolBlockNode(blockId, template, values);
}

export function docWith(...blocks: LexicalNodeJson[]): LexicalState {
  return documentOf(paragraph('Notes around the blocks.'), ...blocks);
}

export interface Harness {
  ctx: CoreContext & { cleanup: () => void };
  handlers: Handlers;
  call: <T>(channel: string, input: unknown) => Promise<T>;
  attempt: (channel: string, input: unknown) => ReturnType<typeof dispatch>;
  notebookId: string;
  /** Creates an entry holding `blocks` (after a paragraph) and returns its id. */
  entry: (title: string, ...blocks: LexicalNodeJson[]) => Promise<string>;
  /** Saves new content for an entry. */
  save: (id: string, ...blocks: LexicalNodeJson[]) => Promise<void>;
}

/**
 * A temp profile (seeded unless `seed: false`) with the fixture templates
 * imported, and helpers that go through dispatch like the renderer does.
 */
export async function harness(options: { seed?: boolean; now?: () => string } = {}): Promise<Harness> {
  const ctx = tempProfile(options);
  const handlers = createHandlers(ctx);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.code}: ${result.message}`);
    return result.data as T;
  };
  const attempt = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  await call('templates.import', { definition: FIXTURE_STOCK });
  await call('templates.import', { definition: FIXTURE_CULTURE });
  const notebookId = (await call<{ id: string }>('notebooks.create', { name: 'Fixtures' })).id;
  return {
    ctx,
    handlers,
    call,
    attempt,
    notebookId,
    entry: async (title, ...blocks) =>
      (await call<{ id: string }>('entries.create', { notebookId, title, content: docWith(...blocks) })).id,
    save: async (id, ...blocks) => {
      await call('entries.saveDraft', { id, content: docWith(...blocks) });
    },
  };
}
