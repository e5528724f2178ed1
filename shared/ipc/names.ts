/**
 * The contract's channel and event names as plain constants, with no schema
 * library behind them: the preload bundles only this file to allow-list what
 * the renderer may call. contract.ts is checked against these lists.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'notebooks.list',
  'notebooks.create',
  'notebooks.rename',
  'notebooks.setArchived',
  'entries.list',
  'entries.get',
  'entries.create',
  'entries.rename',
  'entries.setTags',
  'entries.move',
  'entries.saveDraft',
  'entries.checkpoint',
  'entries.trash',
  'entries.restore',
  'entries.revisions',
  'search.query',
  'templates.list',
  'templates.get',
  'templates.import',
  'blocks.search',
  'blocks.backlinks',
  'lineage.get',
  'query.run',
  'attachments.put',
  'attachments.get',
  'pdf.exportEntry',
  'pdf.exportBatch',
  'pdf.cancel',
  'pdf.job',
  'sync.targets',
  'sync.addTarget',
  'sync.removeTarget',
  'sync.run',
  'sync.chooseFolder',
] as const;

export const EVENT_NAMES = ['entries.changed', 'sync.progress', 'export.progress'] as const;
