import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/ipc/contract';
import { documentOf, heading, list, paragraph, table, text } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../shared/domain/types';
import {
  createHandlers,
  dispatch,
  openProfile,
  verifyChains,
  type CoreContext,
  type Handlers,
} from '../../electron/core/index';
import { Prng, seedFrom } from '../../scripts/bench/prng';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import { FIXTURE_STOCK } from '../support/template-fixtures';
import { removeDir, tempDir } from '../support/child-cli';
import { makePng } from '../support/png';

/**
 * Throws thousands of random and malformed requests at every channel through
 * dispatch(), the one entry point every host uses. Replay a failure with
 * FUZZ_SEED=<seed printed below>.
 */
const SEED = seedFrom(process.env.FUZZ_SEED);
const CASES = 4000;
console.log(`IPC fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);

type Kind =
  | 'id'
  | 'name'
  | 'title'
  | 'tags'
  | 'bool'
  | 'content'
  | 'reason'
  | 'templateId'
  | 'templateIds'
  /** Attachments: a SHA-256 (looked up), base64 file bytes, a file name. */
  | 'sha256'
  | 'fileData'
  | 'fileName'
  /** PDF export: a paper size, and a notebook or a list of entries. */
  | 'paper'
  | 'batchSource'
  /** Sync: a folder path (real temp folders, missing ones, relative or inside the profile). */
  | 'folderPath'
  /** Any plain data: the schema accepts it and the core validates it (templates.import). */
  | 'any'
  | { int: [number, number] }
  | { text: [number, number] };

interface Field {
  name: string;
  kind: Kind;
  required: boolean;
  /** True for ids that must exist for the request to succeed (not a list filter). */
  lookup?: boolean;
}

const f = (name: string, kind: Kind, required = true, lookup = kind === 'id' || kind === 'templateId'): Field => ({
  name,
  kind,
  required,
  lookup,
});

/** Every channel's input fields, mirroring shared/ipc/contract.ts (checked against CHANNEL_NAMES below). */
const SPECS: Record<ChannelName, Field[]> = {
  'app.info': [],
  'notebooks.list': [f('includeArchived', 'bool', false)],
  'notebooks.create': [f('name', 'name')],
  'notebooks.rename': [f('id', 'id'), f('name', 'name')],
  'notebooks.setArchived': [f('id', 'id'), f('archived', 'bool')],
  'entries.list': [
    f('notebookId', 'id', false, false),
    f('trashed', 'bool', false),
    f('limit', { int: [1, 1000] }, false),
    f('offset', { int: [0, 10_000_000] }, false),
  ],
  'entries.get': [f('id', 'id')],
  'entries.create': [f('notebookId', 'id'), f('title', 'title', false), f('content', 'content', false)],
  'entries.rename': [f('id', 'id'), f('title', 'title')],
  'entries.setTags': [f('id', 'id'), f('tags', 'tags')],
  'entries.move': [f('id', 'id'), f('notebookId', 'id')],
  'entries.saveDraft': [
    f('id', 'id'),
    f('content', 'content'),
    f('baseVersion', { int: [0, Number.POSITIVE_INFINITY] }, false),
  ],
  'entries.checkpoint': [f('id', 'id'), f('reason', 'reason', false)],
  'entries.trash': [f('id', 'id')],
  'entries.restore': [f('id', 'id')],
  'entries.revisions': [f('id', 'id')],
  'search.query': [f('q', { text: [0, 500] }), f('limit', { int: [1, 200] }, false)],
  'templates.list': [],
  'templates.get': [f('id', 'templateId'), f('version', { int: [1, Number.POSITIVE_INFINITY] }, false)],
  'templates.import': [f('definition', 'any', false)],
  'blocks.search': [
    f('templateIds', 'templateIds', false),
    f('q', { text: [0, 200] }, false),
    f('limit', { int: [1, 200] }, false),
  ],
  'blocks.backlinks': [f('entryId', 'id')],
  'lineage.get': [f('entryId', 'id'), f('blockId', 'id', false)],
  'query.run': [f('expr', { text: [1, 2000] }), f('limit', { int: [1, 1000] }, false)],
  'attachments.put': [f('name', 'fileName'), f('dataBase64', 'fileData')],
  'attachments.get': [f('sha256', 'sha256', true, true)],
  'pdf.exportEntry': [f('entryId', 'id'), f('paper', 'paper', false)],
  'pdf.exportBatch': [
    f('source', 'batchSource', true, true),
    f('combined', 'bool'),
    f('paper', 'paper', false),
    f('title', 'title', false),
  ],
  'pdf.cancel': [f('jobId', 'id')],
  'pdf.job': [f('jobId', 'id')],
  'sync.targets': [],
  'sync.addTarget': [f('path', 'folderPath', true, true)],
  'sync.removeTarget': [f('targetId', 'id')],
  'sync.run': [f('targetId', 'id')],
  'sync.chooseFolder': [],
};

/**
 * What a valid-shaped request on real ids may still get besides ok/conflict,
 * per channel: a version or block id this test makes up (not_found), a
 * definition or expression the core validates itself (invalid_input).
 * Malformed input must still be invalid_input and missing ids not_found;
 * "internal" is never acceptable.
 */
const ALSO_ALLOWED: Partial<Record<ChannelName, string[]>> = {
  'templates.get': ['not_found'],
  'templates.import': ['invalid_input'],
  'lineage.get': ['not_found'],
  'query.run': ['invalid_input'],
  // Random bytes are not an image; a real PNG is stored.
  'attachments.put': ['unsupported_type'],
  // This host has no PDF renderer (test/unit/pdf-jobs.test.ts exports for real), and export
  // job ids are never made up by this test; a fuzzed notebook may have no entries left.
  'pdf.exportEntry': ['unavailable'],
  'pdf.exportBatch': ['unavailable', 'invalid_input'],
  'pdf.cancel': ['not_found'],
  'pdf.job': ['not_found'],
  // A relative path or one inside the profile is refused by the core; a target may have been
  // removed by an earlier request; this host has no folder picker.
  'sync.addTarget': ['invalid_input'],
  'sync.run': ['not_found'],
  'sync.removeTarget': ['not_found'],
  'sync.chooseFolder': ['unavailable'],
};

const BUILTIN_IDS = BUILTIN_TEMPLATES.map((t) => t.id);

/** Structured queries a person might type, valid and not (the core must answer every one cleanly). */
const QUERY_EXPRS = [
  'drug = cisplatin',
  'drug = cisplatin and concentration >= 10 uM in persister-induction',
  'persister_fraction < 5 %',
  'concentration >= 0.01 mM',
  'model_id = NCI-H69 or model_id ~ h82',
  'not drug = etoposide in T2',
  '(drug = cisplatin or drug = carboplatin) and ic50 < 5 uM',
  'viability < 80 in T8',
  'in T4',
  'concentration >= 10 mg',
  'concentration >= 10',
  'passage = 12 mM',
  'nosuchfield = 1',
  'lot = "x\'; DROP TABLE blocks; --"',
  'drug = x in T99',
  'drug <',
  '((((a = 1',
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const WORDS = [
  'cisplatin',
  'osimertinib',
  'PC9',
  'NCI-H69',
  'persister',
  'viability',
  'CellTiter-Glo',
  'µM',
  'passage',
  'ALDH',
  'flow',
  'cytometry',
  'DMSO',
  'T25',
  'Zellen',
  'проба',
  '細胞',
  'naïve',
  'café',
  '🧫',
  'β-actin',
  'IC50',
];
const FTS_NOISE = ['"', '*', '^', 'NEAR(', 'AND', 'OR', 'NOT', '(', ')', ':', '-', '+', "'", '\\', '%', '_', '{', '}'];
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];
const HUGE = 'A'.repeat(1_000_000);
// Over the core's 20,000,000-character content limit; built once, reused.
const OVERSIZED = 'x'.repeat(20_000_001);

/** An object whose key is an own property, as JSON.parse and structured clone produce (not a prototype change). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

function randomUlid(rng: Prng): string {
  let s = String(rng.int(0, 7));
  while (s.length < 26) s += CROCKFORD[rng.int(0, 31)];
  return s;
}

function words(rng: Prng, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => rng.pick(WORDS)).join(' ');
}

function cleanString(rng: Prng, maxLen: number): string {
  const s = words(rng, 1, 6).slice(0, maxLen).trim();
  return s === '' ? 'x' : s;
}

function randomNode(rng: Prng, depth: number): LexicalNodeJson {
  if (depth <= 0 || rng.chance(0.4)) {
    const node = text(words(rng, 0, 8), rng.pick(['bold', 'italic', 'code', 'subscript'] as const));
    if (rng.chance(0.1)) withOwnKey(node, rng.pick(PROTO_KEYS), { polluted: 'yes' });
    return node;
  }
  const node = rng.pick([
    () => paragraph(words(rng, 0, 10)),
    () => heading('h2', words(rng, 1, 4)),
    () => list('bullet', [[words(rng, 1, 3)], [words(rng, 1, 3)]]),
    () =>
      table([
        ['a', 'b'],
        ['1', '2'],
      ]),
  ])();
  node.children = [
    ...(node.children ?? []),
    ...Array.from({ length: rng.int(0, 3) }, () => randomNode(rng, depth - 1)),
  ];
  // Unknown keys on nodes are allowed (new node types must pass); odd ones must stay harmless.
  if (rng.chance(0.15)) withOwnKey(node, rng.pick(PROTO_KEYS), { polluted: 'yes', prototype: { polluted: 'yes' } });
  if (rng.chance(0.1)) node.extra = { nested: [1, 'two', null, true, { deeper: [] }] };
  return node;
}

function validContent(rng: Prng) {
  return documentOf(...Array.from({ length: rng.int(0, 5) }, () => randomNode(rng, rng.int(0, 6))));
}

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

function nodeChain(depth: number): LexicalNodeJson {
  return nested(depth, text('deep'), (inner) => ({ type: 'paragraph', children: [inner] })) as LexicalNodeJson;
}

interface Ctx {
  entryIds: string[];
  notebookIds: string[];
  attachmentShas: string[];
  /** Real folders that may become sync targets, and the ids of those that did. */
  folders: string[];
  targetIds: string[];
  profileDir: string;
}

const PNGS = [makePng(1, 1), makePng(3, 2, 1), makePng(8, 8, 2)].map((b) => b.toString('base64'));
const randomHex = (rng: Prng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');

/** A value the field's schema accepts. `fresh` decides whether ids exist. */
function validValue(rng: Prng, channel: ChannelName, field: Field, ctx: Ctx, fresh: boolean): unknown {
  const { kind } = field;
  if (typeof kind === 'object' && 'int' in kind) return rng.int(kind.int[0], Math.min(kind.int[1], kind.int[0] + 100));
  if (typeof kind === 'object') {
    const [min, max] = kind.text;
    if (channel === 'query.run' && rng.chance(0.6)) return rng.pick(QUERY_EXPRS);
    const s = Array.from({ length: rng.int(0, 6) }, () =>
      rng.chance(0.3) ? rng.pick(FTS_NOISE) : rng.pick(WORDS),
    ).join(rng.pick([' ', '', '  ']));
    return (s.length >= min ? s : `${s} cisplatin >= 10 uM`).slice(0, max);
  }
  switch (kind) {
    case 'id': {
      // notebooks.* ids and every notebookId name notebooks, entries.* ids and entryId name entries;
      // other ids (blocks) are unknown to this test and always made up.
      const pool =
        field.name === 'notebookId' || channel.startsWith('notebooks.')
          ? ctx.notebookIds
          : field.name === 'entryId' || channel.startsWith('entries.')
            ? ctx.entryIds
            : field.name === 'targetId'
              ? ctx.targetIds
              : [];
      return fresh || pool.length === 0 ? randomUlid(rng) : rng.pick(pool);
    }
    case 'templateId':
      // Real template ids unless this request is meant to name a missing one.
      return fresh ? rng.pick(['cell-count', 'drug-treatment', `tpl-${rng.int(0, 1e6)}`]) : rng.pick(BUILTIN_IDS);
    case 'templateIds':
      return Array.from({ length: rng.int(0, 5) }, () =>
        rng.chance(0.5) ? rng.pick(BUILTIN_IDS) : `tpl-${rng.int(0, 1e6)}`,
      );
    case 'any':
      return rng.pick<unknown>([
        FIXTURE_STOCK,
        { ...FIXTURE_STOCK, id: `fuzz-${rng.int(0, 20)}`, version: rng.int(1, 3) },
        { ...FIXTURE_STOCK, name: `changed ${rng.int(0, 1e6)}` },
        null,
        'text',
        42,
        [],
        { id: `tpl-${rng.int(0, 99)}`, version: 1, name: words(rng, 1, 3), fields: [{ key: 'dose', type: 'number' }] },
        { name: 'x', fields: 'not a list' },
        withOwnKey({ fields: [] }, rng.pick(PROTO_KEYS), { polluted: 'yes' }),
      ]);
    case 'name':
      return `${cleanString(rng, 150)} ${rng.int(0, 1e9)}`;
    case 'title':
      return rng.chance(0.1) ? '' : cleanString(rng, 300);
    case 'tags':
      return Array.from({ length: rng.int(0, 6) }, () => cleanString(rng, 60));
    case 'bool':
      return rng.chance(0.5);
    case 'content':
      return validContent(rng);
    case 'reason':
      return rng.pick(['checkpoint', 'left-entry']);
    case 'sha256':
      return fresh || ctx.attachmentShas.length === 0 ? randomHex(rng, 64) : rng.pick(ctx.attachmentShas);
    case 'fileData':
      // Mostly real PNGs; otherwise random bytes (refused as unsupported_type) or HTML posing as an image.
      return rng.chance(0.6)
        ? rng.pick(PNGS)
        : rng.pick([
            Buffer.from(words(rng, 1, 8)).toString('base64'),
            Buffer.from('<svg onload="alert(1)"></svg>').toString('base64'),
          ]);
    case 'fileName':
      return rng.chance(0.1) ? '' : `${cleanString(rng, 200)}.png`;
    case 'paper':
      return rng.pick(['a4', 'letter']);
    case 'folderPath':
      if (fresh) return path.join(os.tmpdir(), `persist-fuzz-missing-${rng.int(0, 1e9)}`, words(rng, 0, 2));
      return rng.chance(0.8) || ctx.folders.length === 0
        ? rng.pick(ctx.folders.length ? ctx.folders : [ctx.profileDir])
        : rng.pick(['shared/lab', '.', path.join(ctx.profileDir, 'attachments'), ctx.profileDir]);
    case 'batchSource': {
      if (rng.chance(0.5)) {
        return { notebookId: fresh || ctx.notebookIds.length === 0 ? randomUlid(rng) : rng.pick(ctx.notebookIds) };
      }
      const ids = Array.from({ length: rng.int(1, 4) }, () => rng.pick(ctx.entryIds));
      if (fresh || ids.length === 0) ids.splice(rng.int(0, ids.length), 0, randomUlid(rng));
      return { entryIds: ids };
    }
  }
}

/** Values the field's schema must reject, with a label for failure reports. */
function invalidValue(rng: Prng, kind: Kind): [string, unknown] {
  const wrongTypes: Array<[string, unknown]> = [
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['object', { id: 'x' }],
    ['array', ['x']],
    ['bigint', 12n],
    ['Date', new Date(0)],
    ['Map', new Map([['a', 1]])],
  ];
  const byKind = (): Array<[string, unknown]> => {
    if (typeof kind === 'object' && 'text' in kind) {
      const [min, max] = kind.text;
      return [
        [`${max + 1} chars`, 'q'.repeat(max + 1)],
        ['huge string', HUGE],
        ['number', 42],
        ...(min > 0 ? ([['empty', '']] as Array<[string, unknown]>) : []),
      ];
    }
    if (typeof kind === 'object') {
      const [min, max] = kind.int;
      return [
        ['below min', min - 1],
        // An unbounded field has no "above max"; 2^53 + 2 is not a safe integer, which zod's int() refuses.
        Number.isFinite(max) ? ['above max', max + 1] : ['unsafe integer', 2 ** 53 + 2],
        ['fraction', min + 0.5],
        ['numeric string', String(min)],
        ['huge', 1e300],
        ['boolean', true],
      ];
    }
    switch (kind) {
      case 'id':
        return [
          ['empty id', ''],
          ['lowercase ulid', randomUlid(rng).toLowerCase()],
          ['25 chars', randomUlid(rng).slice(1)],
          ['27 chars', `${randomUlid(rng)}0`],
          ['ulid with I/L/O/U', `${randomUlid(rng).slice(0, 25)}${rng.pick(['I', 'L', 'O', 'U'])}`],
          ['padded ulid', ` ${randomUlid(rng)}`],
          ['path traversal', '../../../etc/passwd'],
          ['sql injection', "' OR 1=1; DROP TABLE entries; --"],
          ['huge string', HUGE],
          ['number', 12345],
        ];
      case 'name':
        return [
          ['empty name', ''],
          ['blank name', '    '],
          ['control char', `lab${String.fromCharCode(rng.int(0, 31))}book`],
          ['201 chars', 'n'.repeat(201)],
          ['huge string', HUGE],
          ['number', 7],
        ];
      case 'title':
        return [
          ['301 chars', 't'.repeat(301)],
          ['newline', 'first\nsecond'],
          ['DEL char', 'a\u007fb'],
          ['huge string', HUGE],
          ['boolean', false],
        ];
      case 'tags':
        return [
          ['string instead of array', 'cisplatin'],
          ['empty tag', ['ok', '']],
          ['comma', ['a,b']],
          ['65-char tag', ['g'.repeat(65)]],
          ['51 tags', Array.from({ length: 51 }, (_, i) => `t${i}`)],
          ['number tag', [1]],
          ['null tag', [null]],
          ['object instead of array', { 0: 'a', length: 1 }],
        ];
      case 'bool':
        return [
          ['string true', 'true'],
          ['number 1', 1],
          ['number 0', 0],
        ];
      case 'templateId':
        return [
          ['65 chars', 't'.repeat(65)],
          ['huge string', HUGE],
          ['number', 7],
        ];
      case 'templateIds':
        return [
          ['string instead of array', 'cell-count'],
          ['21 ids', Array.from({ length: 21 }, (_, i) => `t${i}`)],
          ['65-char id', ['t'.repeat(65)]],
          ['number id', [3]],
        ];
      case 'any':
        // Anything plain passes the schema here; only what is not plain data must be refused.
        return [];
      case 'sha256':
        return [
          [
            'upper-case hex',
            randomHex(rng, 64)
              .toUpperCase()
              .replace(/^[0-9]/, 'A'),
          ],
          ['63 digits', randomHex(rng, 63)],
          ['not hex', `${randomHex(rng, 63)}g`],
          ['path traversal', '../../../etc/passwd'],
          ['huge string', HUGE],
          ['number', 12345],
        ];
      case 'fileData':
        return [
          ['empty', ''],
          ['not base64', 'not base64!'],
          ['bad length', 'abc'],
          ['data URL', `data:image/png;base64,${PNGS[0] ?? ''}`],
          ['over 20M characters', OVERSIZED],
        ];
      case 'fileName':
        return [
          ['newline', 'a\nb.png'],
          ['256 chars', `${'n'.repeat(252)}.png`],
          ['number', 7],
        ];
      case 'folderPath':
        return [
          ['empty', ''],
          ['blank', '   '],
          ['control char', `/mnt/share${String.fromCharCode(rng.int(0, 31))}x`],
          ['4097 chars', `/${'p'.repeat(4096)}`],
          ['huge string', HUGE],
          ['number', 7],
        ];
      case 'paper':
        return [
          ['unknown size', 'a3'],
          ['upper case', 'A4'],
          ['number', 4],
        ];
      case 'batchSource':
        return [
          ['both', { notebookId: randomUlid(rng), entryIds: [randomUlid(rng)] }],
          ['neither', {}],
          ['no entries', { entryIds: [] }],
          ['1001 entries', { entryIds: Array.from({ length: 1001 }, () => randomUlid(rng)) }],
          ['bad id', { entryIds: ['not-an-id'] }],
          ['id as string', randomUlid(rng)],
          ['extra key', { notebookId: randomUlid(rng), sql: 'drop' }],
        ];
      case 'reason':
        return [
          ['unknown reason', 'signed'],
          ['upper case', 'CHECKPOINT'],
          ['empty', ''],
        ];
      case 'content':
        return [
          ['empty object', {}],
          ['root null', { root: null }],
          ['root not root', { root: { type: 'paragraph', children: [] } }],
          ['root without children', { root: { type: 'root' } }],
          ['children not array', { root: { type: 'root', children: 'text' } }],
          ['null child', { root: { type: 'root', children: [null] } }],
          ['number child', { root: { type: 'root', children: [5] } }],
          ['child without type', { root: { type: 'root', children: [{ text: 'x' }] } }],
          ['empty type', { root: { type: 'root', children: [{ type: '' }] } }],
          ['65-char type', { root: { type: 'root', children: [{ type: 'y'.repeat(65) }] } }],
          ['text not string', { root: { type: 'root', children: [{ type: 'text', text: 5 }] } }],
          ['fractional version', { root: { type: 'root', children: [{ type: 'p', version: 1.5 }] } }],
          ['NaN version', { root: { type: 'root', children: [{ type: 'p', version: Number.NaN }] } }],
          ['children object', { root: { type: 'root', children: [{ type: 'p', children: {} }] } }],
          ['65 levels', { root: { type: 'root', children: [nodeChain(65)] } }],
          ['5000 levels', { root: { type: 'root', children: [nodeChain(5000)] } }],
          ['bigint in extra key', { root: { type: 'root', children: [{ type: 'p', big: 10n }] } }],
          ['NaN in extra key', { root: { type: 'root', children: [{ type: 'p', n: Number.NaN }] } }],
          ['Infinity in extra key', { root: { type: 'root', children: [{ type: 'p', n: Number.POSITIVE_INFINITY }] } }],
          ['Date in extra key', { root: { type: 'root', children: [{ type: 'p', when: new Date(0) }] } }],
          [
            'cycle in extra key',
            (() => {
              const cyclic: Record<string, unknown> = { type: 'p' };
              cyclic.self = cyclic;
              return { root: { type: 'root', children: [cyclic] } };
            })(),
          ],
          [
            'deep extra key',
            { root: { type: 'root', children: [{ type: 'p', x: nested(3000, 1, (inner) => [inner]) }] } },
          ],
          ['over 20M characters', { root: { type: 'root', children: [{ type: 'text', text: OVERSIZED }] } }],
          ['string', '{"root":{}}'],
        ];
    }
  };
  // An array is the right type for tags, so only the other wrong types apply there.
  // An array is the right type for tags; for 'any' every plain value is, so only non-plain ones remain.
  const plainLabels = new Set(['null', 'object', 'array']);
  const pool = [
    ...byKind(),
    ...wrongTypes.filter(([label]) => {
      if (kind === 'tags' || kind === 'templateIds') return label !== 'array';
      if (kind === 'any') return !plainLabels.has(label);
      return true;
    }),
  ];
  return rng.pick(pool);
}

const NON_OBJECTS: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['zero', 0],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['string', 'entries'],
  ['true', true],
  ['empty array', []],
  ['array of object', [{}]],
  ['bigint', 1n],
  ['Date', new Date(0)],
  ['Map', new Map()],
  ['Set', new Set([1])],
  ['typed array', new Uint8Array(4)],
  ['deep array', nested(20_000, 0, (inner) => [inner])],
  ['deep object', nested(20_000, 0, (inner) => ({ a: inner }))],
];

const UNKNOWN_CHANNELS: unknown[] = [
  '',
  'entries',
  'entries.',
  'entries.get ',
  ' entries.get',
  'Entries.Get',
  'entries.get\u0000',
  'entries.delete',
  'revisions.update',
  'db.exec',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'x'.repeat(100_000),
  null,
  undefined,
  42,
  Number.NaN,
  true,
  {},
  [],
  ['entries.get'],
  Object.create(null),
  10n,
  new Date(0),
];

type Category = 'malformed' | 'unknown-channel' | 'valid-missing-id' | 'valid';

interface Case {
  category: Category;
  channel: unknown;
  input: unknown;
  label: string;
}

function validInput(rng: Prng, channel: ChannelName, ctx: Ctx, fresh: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const idFields = SPECS[channel].filter((x) => x.lookup);
  // With `fresh`, at least one looked-up id does not exist; the others may.
  const freshField = fresh ? rng.pick(idFields) : undefined;
  for (const field of SPECS[channel]) {
    if (!field.required && field !== freshField && rng.chance(0.4)) continue;
    const useFresh = field === freshField || (fresh && field.lookup === true && rng.chance(0.3));
    input[field.name] = validValue(rng, channel, field, ctx, useFresh || (field.lookup === false && rng.chance(0.3)));
  }
  return input;
}

function malformedInput(rng: Prng, channel: ChannelName, ctx: Ctx): { input: unknown; label: string } {
  const base = validInput(rng, channel, ctx, false);
  const fields = SPECS[channel];
  const required = fields.filter((x) => x.required);
  const ops: Array<() => { input: unknown; label: string }> = [
    () => {
      const [label, value] = rng.pick(NON_OBJECTS);
      return { input: value, label: `input is ${label}` };
    },
    () => {
      const key = rng.pick([...PROTO_KEYS, 'isAdmin', 'sql', 'extra', `k${rng.int(0, 999)}`]);
      return { input: withOwnKey({ ...base }, key, { polluted: 'yes' }), label: `extra key ${key}` };
    },
    () => ({ input: [base], label: 'input wrapped in an array' }),
    () => ({ input: JSON.stringify(base), label: 'input as a JSON string' }),
  ];
  if (required.length > 0) {
    ops.push(() => {
      const field = rng.pick(required);
      const copy = { ...base };
      delete copy[field.name];
      return { input: copy, label: `missing ${field.name}` };
    });
  }
  if (fields.length > 0) {
    const mutateField = () => {
      const field = rng.pick(fields);
      const [label, value] = invalidValue(rng, field.kind);
      return { input: { ...base, [field.name]: value }, label: `${field.name} := ${label}` };
    };
    // Field-level mutations are the richest source of bugs: weight them up.
    ops.push(mutateField, mutateField, mutateField, mutateField);
  }
  return rng.pick(ops)();
}

function makeCase(rng: Prng, index: number, ctx: Ctx): Case {
  // Round-robin over channels so every one gets its share whatever the seed.
  const channel = CHANNEL_NAMES[index % CHANNEL_NAMES.length] as ChannelName;
  const roll = rng.next();
  if (roll < 0.08) {
    return {
      category: 'unknown-channel',
      channel: rng.pick(UNKNOWN_CHANNELS),
      input: validInput(rng, channel, ctx, false),
      label: 'unknown channel',
    };
  }
  const hasLookup = SPECS[channel].some((x) => x.lookup);
  if (roll < 0.3 && hasLookup) {
    return {
      category: 'valid-missing-id',
      channel,
      input: validInput(rng, channel, ctx, true),
      label: 'non-existent id',
    };
  }
  if (roll < 0.42) return { category: 'valid', channel, input: validInput(rng, channel, ctx, false), label: 'valid' };
  const { input, label } = malformedInput(rng, channel, ctx);
  return { category: 'malformed', channel, input, label };
}

/** A printable name for any channel value (String() throws on prototype-less objects). */
function channelLabel(channel: unknown): string {
  return typeof channel === 'string' ? channel.slice(0, 40) : `(${channel === null ? 'null' : typeof channel})`;
}

function describeInput(input: unknown): string {
  try {
    const s = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return s === undefined ? String(input) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return '(unprintable)';
  }
}

describe(`IPC fuzz through dispatch (seed ${SEED})`, () => {
  let dir: string;
  let ctx: CoreContext;
  let handlers: Handlers;

  // Real folders that sync requests may set up as targets and write to.
  const folders: string[] = [];

  beforeAll(() => {
    for (let i = 0; i < 3; i += 1) folders.push(tempDir(`fuzz-share-${i}`));
    dir = tempDir('fuzz');
    ctx = openProfile(dir, { user: 'fuzzer' });
    handlers = createHandlers(ctx);
  });
  afterAll(() => {
    ctx?.close();
    removeDir(dir);
    for (const folder of folders) removeDir(folder);
  });

  it('every channel is described', () => {
    expect(Object.keys(SPECS).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it(`${CASES} random and malformed requests get clean, coded answers`, { timeout: 120_000 }, async () => {
    const rng = new Prng(SEED);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const arrayProtoBefore = Object.getOwnPropertyNames(Array.prototype).sort();
    const logged: unknown[] = [];
    const call = async (channel: string, input: unknown) => {
      const r = await dispatch(handlers, channel, input, (e) => logged.push(e));
      if (!r.ok) throw new Error(`${channel} failed: ${r.code} ${r.message}`);
      return r.data as { id: string };
    };
    // Ids that exist: the Welcome notebook and entry, plus a few more.
    const state: Ctx = { entryIds: [], notebookIds: [], attachmentShas: [], folders, targetIds: [], profileDir: dir };
    for (const folder of folders.slice(0, 2)) {
      const target = (await call('sync.addTarget', { path: folder })) as unknown as { id: string };
      state.targetIds.push(target.id);
    }
    for (let i = 0; i < 3; i += 1) {
      const nb = await call('notebooks.create', { name: `Fuzz notebook ${i}` });
      state.notebookIds.push(nb.id);
      const entry = await call('entries.create', { notebookId: nb.id, title: `Fuzz entry ${i}` });
      state.entryIds.push(entry.id);
    }
    for (const dataBase64 of PNGS) {
      const stored = (await call('attachments.put', { name: 'fuzz.png', dataBase64 })) as unknown as { sha256: string };
      state.attachmentShas.push(stored.sha256);
    }
    // And the demo experiment's entries, whose blocks link to each other (back-links, lineage).
    const listed = await dispatch(handlers, 'entries.list', { limit: 50 });
    if (!listed.ok) throw new Error('entries.list failed');
    state.entryIds.push(...(listed.data as Array<{ id: string }>).map((e) => e.id).slice(0, 10));

    const failures: string[] = [];
    const counts = new Map<string, number>();
    for (let i = 0; i < CASES; i += 1) {
      const c = makeCase(rng, i, state);
      const key = `${channelLabel(c.channel)}|${c.category}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      let result: Awaited<ReturnType<typeof dispatch>>;
      try {
        result = await dispatch(handlers, c.channel, c.input, (e) => logged.push(e));
      } catch (error) {
        failures.push(`#${i} ${channelLabel(c.channel)} [${c.label}] THREW ${String(error)}`);
        continue;
      }
      const code = result.ok ? 'ok' : result.code;
      const expected: Record<Category, string[]> = {
        malformed: ['invalid_input'],
        'unknown-channel': ['unknown_channel'],
        'valid-missing-id': ['not_found'],
        // Valid requests on real ids may still be refused for a reason (a trashed entry, a taken name).
        valid: ['ok', 'conflict'],
      };
      const allowed =
        c.category === 'valid'
          ? [...expected.valid, ...(ALSO_ALLOWED[c.channel as ChannelName] ?? [])]
          : expected[c.category];
      if (!allowed.includes(code)) {
        failures.push(
          `#${i} ${channelLabel(c.channel)} [${c.category}: ${c.label}] got ${code}${result.ok ? '' : ` (${result.message.slice(0, 120)})`} for ${describeInput(c.input)}`,
        );
      }
      if (!result.ok && JSON.stringify(result.message).length > 2000) failures.push(`#${i} message too long`);
    }

    expect(failures.slice(0, 20), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
    expect(logged, 'nothing reached the internal-error log').toEqual([]);
    // Every channel got malformed input, and every channel with ids got missing ones.
    for (const name of CHANNEL_NAMES) {
      expect(counts.get(`${name}|malformed`) ?? 0, name).toBeGreaterThanOrEqual(50);
      if (SPECS[name].some((x) => x.lookup))
        expect(counts.get(`${name}|valid-missing-id`) ?? 0, name).toBeGreaterThan(5);
    }
    // Nothing was planted on the shared prototypes.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const k in {}) throw new Error(`enumerable key ${k} on Object.prototype`);
  });

  it('the core still serves afterwards: create, save, search, verify', async () => {
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(handlers, channel, input);
      expect(r, channel).toMatchObject({ ok: true });
      return (r as { data: T }).data;
    };
    const nb = await call<{ id: string }>('notebooks.create', { name: `After the storm ${SEED}` });
    const entry = await call<{ id: string; draftVersion: number }>('entries.create', {
      notebookId: nb.id,
      title: 'Post-fuzz check',
    });
    const content = documentOf(paragraph('The quokkazanzibar assay still works after fuzzing.'));
    await call('entries.saveDraft', { id: entry.id, content, baseVersion: entry.draftVersion });
    await call('entries.checkpoint', { id: entry.id });
    const hits = await call<Array<{ entryId: string }>>('search.query', { q: 'quokkazanzibar' });
    expect(hits.map((h) => h.entryId)).toEqual([entry.id]);
    const got = await call<{ content: unknown; revisionCount: number }>('entries.get', { id: entry.id });
    expect(got.content).toEqual(content);
    expect(got.revisionCount).toBe(2);
    const report = verifyChains(ctx);
    expect(report.broken).toEqual([]);
    expect(report.revisions).toBeGreaterThan(3);
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
