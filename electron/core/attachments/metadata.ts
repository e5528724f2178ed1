import type { CoreContext } from '../context';

/** One row of the attachments table: what is known about stored bytes. */
export interface AttachmentRow {
  sha256: string;
  size: number;
  mime: string;
  /** The name the bytes were first stored under (later puts of the same bytes keep it). */
  name: string;
  created_at: string;
  width: number | null;
  height: number | null;
}

export function attachmentRow(ctx: CoreContext, sha256: string): AttachmentRow | undefined {
  return ctx.db.prepare('SELECT * FROM attachments WHERE sha256 = ?').get(sha256) as AttachmentRow | undefined;
}

/** Records stored bytes; a second record of the same bytes changes nothing. */
export function recordAttachment(ctx: CoreContext, row: AttachmentRow): void {
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO attachments (sha256, size, mime, name, created_at, width, height)
       VALUES (@sha256, @size, @mime, @name, @created_at, @width, @height)`,
    )
    .run(row);
}
