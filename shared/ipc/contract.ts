import { z } from 'zod';
import type {
  AppInfo,
  Entry,
  EntrySummary,
  Notebook,
  RevisionSummary,
  SaveDraftResult,
  SearchHit,
} from '../domain/types';
import type { Backlink, BlockRef, LineageNode, QueryHit, TemplateSummary } from '../templates/summaries';
import type { TemplateDefinition } from '../templates/definition';
import { lexicalStateSchema } from '../domain/lexical-schema';
import {
  type AttachmentData,
  type AttachmentInfo,
  attachmentNameField,
  base64Field,
  sha256Field,
} from '../attachments/schema';
import { PAPER_SIZES } from '../pdf/print-model';
import { type BatchExportStart, type EntryExportResult, PDF_JOB_STATES, type PdfJobStatus } from '../pdf/export-jobs';
import { idField, nameField, tagsField, titleField } from './fields';
import { SYNC_PHASES, type SyncRunSummary, type SyncTargetList, type SyncTargetStatus } from './sync-types';
import { CHANNEL_NAMES, EVENT_NAMES } from './names';

/**
 * Declares a channel: the zod schema its input must pass and, as a type only,
 * what it resolves to. The result type never exists at run time.
 */
function channel<Result>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });
}

const none = z.strictObject({});

/**
 * The IPC contract: every channel the renderer may call, declared once.
 * electron/main and the test harness register exactly these; the core
 * implements exactly these (createHandlers is typed against this object).
 */
export const channels = {
  'app.info': channel<AppInfo>()(none),

  'notebooks.list': channel<Notebook[]>()(z.strictObject({ includeArchived: z.boolean().optional() })),
  'notebooks.create': channel<Notebook>()(z.strictObject({ name: nameField })),
  'notebooks.rename': channel<Notebook>()(z.strictObject({ id: idField, name: nameField })),
  'notebooks.setArchived': channel<Notebook>()(z.strictObject({ id: idField, archived: z.boolean() })),

  'entries.list': channel<EntrySummary[]>()(
    z.strictObject({
      notebookId: idField.optional(),
      trashed: z.boolean().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
    }),
  ),
  'entries.get': channel<Entry>()(z.strictObject({ id: idField })),
  'entries.create': channel<Entry>()(
    z.strictObject({ notebookId: idField, title: titleField.optional(), content: lexicalStateSchema.optional() }),
  ),
  'entries.rename': channel<EntrySummary>()(z.strictObject({ id: idField, title: titleField })),
  'entries.setTags': channel<EntrySummary>()(z.strictObject({ id: idField, tags: tagsField })),
  'entries.move': channel<EntrySummary>()(z.strictObject({ id: idField, notebookId: idField })),
  'entries.saveDraft': channel<SaveDraftResult>()(
    z.strictObject({
      id: idField,
      content: lexicalStateSchema,
      /** The draftVersion this edit started from; a mismatch means another window saved meanwhile. */
      baseVersion: z.number().int().min(0).optional(),
    }),
  ),
  'entries.checkpoint': channel<RevisionSummary | null>()(
    z.strictObject({ id: idField, reason: z.enum(['checkpoint', 'left-entry']).optional() }),
  ),
  'entries.trash': channel<EntrySummary>()(z.strictObject({ id: idField })),
  'entries.restore': channel<EntrySummary>()(z.strictObject({ id: idField })),
  'entries.revisions': channel<RevisionSummary[]>()(z.strictObject({ id: idField })),

  'search.query': channel<SearchHit[]>()(
    z.strictObject({
      q: z.string().max(500, 'search text must be at most 500 characters'),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ),

  'templates.list': channel<TemplateSummary[]>()(none),
  'templates.get': channel<TemplateDefinition>()(
    z.strictObject({ id: z.string().max(64), version: z.number().int().min(1).optional() }),
  ),
  /** Stores a new template (or a new version); the definition is validated in the core. */
  'templates.import': channel<TemplateSummary>()(z.strictObject({ definition: z.unknown() })),

  /** Blocks a link field may point at, newest first, optionally filtered by template and text. */
  'blocks.search': channel<BlockRef[]>()(
    z.strictObject({
      templateIds: z.array(z.string().max(64)).max(20).optional(),
      q: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  ),
  'blocks.backlinks': channel<Backlink[]>()(z.strictObject({ entryId: idField })),
  'lineage.get': channel<LineageNode[]>()(z.strictObject({ entryId: idField, blockId: idField.optional() })),

  /** A structured query (docs/QUERY.md), e.g. "drug = cisplatin and concentration >= 10 uM in persister-induction". */
  'query.run': channel<QueryHit[]>()(
    z.strictObject({ expr: z.string().min(1).max(2000), limit: z.number().int().min(1).max(1000).optional() }),
  ),

  /** Stores an image (PNG, JPEG, GIF, WebP; type sniffed from the bytes) once, under its SHA-256. */
  'attachments.put': channel<AttachmentInfo>()(z.strictObject({ name: attachmentNameField, dataBase64: base64Field })),
  /** An attachment's bytes, verified against their SHA-256. */
  'attachments.get': channel<AttachmentData>()(z.strictObject({ sha256: sha256Field })),

  /** One entry as a PDF record; the host asks where to save it (docs/PDF.md, "Export in the app"). */
  'pdf.exportEntry': channel<EntryExportResult>()(
    z.strictObject({ entryId: idField, paper: z.enum(PAPER_SIZES).optional() }),
  ),
  /** Starts printing a notebook or a list of entries, one PDF each or one combined; progress comes as 'export.progress'. */
  'pdf.exportBatch': channel<BatchExportStart>()(
    z.strictObject({
      source: z.union([
        z.strictObject({ notebookId: idField }),
        z.strictObject({ entryIds: z.array(idField).min(1).max(1000) }),
      ]),
      combined: z.boolean(),
      paper: z.enum(PAPER_SIZES).optional(),
      /** The combined PDF's title and file name (the notebook's name by default). */
      title: titleField.optional(),
    }),
  ),
  /** Stops a batch before its next entry; what was saved stays, a combined PDF is never written. */
  'pdf.cancel': channel<PdfJobStatus>()(z.strictObject({ jobId: idField })),
  /** A batch's progress and the PDFs it saved (with their bytes where the page downloads them). */
  'pdf.job': channel<PdfJobStatus>()(z.strictObject({ jobId: idField })),

  /** Sync targets with their state looked up now, last run and pending count (docs/SYNC.md). */
  'sync.targets': channel<SyncTargetList>()(none),
  /** Sets an existing folder up as a target (writes its marker); the core checks the path. */
  'sync.addTarget': channel<SyncTargetStatus>()(
    z.strictObject({
      path: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(4096, 'must be at most 4096 characters')
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters'),
    }),
  ),
  /** Forgets a target; nothing on the share is deleted. */
  'sync.removeTarget': channel<{ removed: string }>()(z.strictObject({ targetId: idField })),
  /** Syncs one target now (or joins the run under way); progress comes as 'sync.progress'. */
  'sync.run': channel<SyncRunSummary>()(z.strictObject({ targetId: idField })),
  /** The system's folder picker where the host has one (Electron); elsewhere 'unavailable'. */
  'sync.chooseFolder': channel<{ path: string | null }>()(none),
} as const;

/** Events pushed from main to the renderer, with the shape of their payload. */
export const events = {
  'entries.changed': z.strictObject({ entryId: idField, draftVersion: z.number().int() }),
  'sync.progress': z.strictObject({
    targetId: idField,
    phase: z.enum(SYNC_PHASES),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  'export.progress': z.strictObject({
    jobId: idField,
    state: z.enum(PDF_JOB_STATES),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** The entry being printed (the last one printed once the job has ended). */
    title: z.string().max(300),
    message: z.string().max(2000).optional(),
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelResult<C extends ChannelName> = Channels[C]['result'];

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// Compile-time proof that names.ts and this file list the same channels and events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListsAgree: Same<ChannelName, (typeof CHANNEL_NAMES)[number]> = true;
const eventListsAgree: Same<EventName, (typeof EVENT_NAMES)[number]> = true;
void channelListsAgree;
void eventListsAgree;

export { CHANNEL_NAMES, EVENT_NAMES };

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
