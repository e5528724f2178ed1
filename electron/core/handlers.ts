import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import {
  checkpoint,
  createEntry,
  getEntrySummary,
  getEntry,
  listEntries,
  moveEntry,
  renameEntry,
  restoreEntry,
  saveDraft,
  setEntryTags,
  trashEntry,
} from './entries';
import { createNotebook, listNotebooks, renameNotebook, setNotebookArchived } from './notebooks';
import { listRevisions } from './revisions';
import { searchEntries } from './search';
import { reindexTemplateBlocks } from './blocks';
import { backlinks, lineage, searchBlocks } from './links';
import { runQuery } from './query';
import { getTemplate, importTemplate, listTemplates } from './templates';
import { putAttachment } from './attachments/put';
import { getAttachment } from './attachments/get';
import { PdfExports, type PdfServices } from './pdf/jobs';
import { SyncService } from './sync/service';

/** What a host may add to the engine: PDF export needs a renderer and a place to put files. */
export interface HostServices {
  pdf?: PdfServices;
  /** Sync with the host's progress events, folder picker and scheduler; made here (never started) when absent. */
  sync?: SyncService;
}

/**
 * The notebook engine behind the IPC contract: one function per channel,
 * taking already-validated input. Knows nothing of IPC or Electron.
 */
export function createHandlers(ctx: CoreContext, host: HostServices = {}): Handlers {
  const pdf = new PdfExports(ctx, host.pdf);
  const sync = host.sync ?? new SyncService(ctx);
  return {
    'app.info': () => ({
      version: ctx.appVersion,
      schemaVersion: ctx.schemaVersion,
      profileDir: ctx.profileDir,
      user: ctx.user,
    }),
    'notebooks.list': (i) => listNotebooks(ctx, i.includeArchived),
    'notebooks.create': (i) => createNotebook(ctx, i.name),
    'notebooks.rename': (i) => renameNotebook(ctx, i.id, i.name),
    'notebooks.setArchived': (i) => setNotebookArchived(ctx, i.id, i.archived),
    'entries.list': (i) => listEntries(ctx, i),
    'entries.get': (i) => getEntry(ctx, i.id),
    'entries.create': (i) => createEntry(ctx, i),
    'entries.rename': (i) => renameEntry(ctx, i.id, i.title),
    'entries.setTags': (i) => setEntryTags(ctx, i.id, i.tags),
    'entries.move': (i) => moveEntry(ctx, i.id, i.notebookId),
    'entries.saveDraft': (i) => saveDraft(ctx, i),
    'entries.checkpoint': (i) => checkpoint(ctx, i.id, i.reason),
    'entries.trash': (i) => trashEntry(ctx, i.id),
    'entries.restore': (i) => restoreEntry(ctx, i.id),
    'entries.revisions': (i) => {
      getEntrySummary(ctx, i.id);
      return listRevisions(ctx, i.id);
    },
    'search.query': (i) => searchEntries(ctx, i.q, i.limit),
    'templates.list': () => listTemplates(ctx),
    'templates.get': (i) => getTemplate(ctx, i.id, i.version),
    'templates.import': (i) => importTemplate(ctx, i.definition, reindexTemplateBlocks),
    'blocks.search': (i) => searchBlocks(ctx, i),
    'blocks.backlinks': (i) => backlinks(ctx, i.entryId),
    'lineage.get': (i) => lineage(ctx, i.entryId, i.blockId),
    'query.run': (i) => runQuery(ctx, i.expr, i.limit),
    'attachments.put': (i) => putAttachment(ctx, { name: i.name, data: Buffer.from(i.dataBase64, 'base64') }),
    'attachments.get': (i) => getAttachment(ctx, i.sha256),
    'pdf.exportEntry': (i) => pdf.exportEntry(i.entryId, i.paper),
    'pdf.exportBatch': (i) => pdf.startBatch(i),
    'pdf.cancel': (i) => pdf.cancel(i.jobId),
    'pdf.job': (i) => pdf.status(i.jobId),
    'sync.targets': () => sync.targets(),
    'sync.addTarget': (i) => sync.addTarget(i.path),
    'sync.removeTarget': (i) => sync.removeTarget(i.targetId),
    'sync.run': (i) => sync.run(i.targetId),
    'sync.chooseFolder': () => sync.chooseFolder(),
  };
}
