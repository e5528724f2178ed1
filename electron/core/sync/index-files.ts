import type { ManifestEntry } from './manifest';

/**
 * index.csv and index.html: the device folder's list of entries for a person
 * who opens the share without Persist (a spreadsheet, a browser).
 */

function csvCell(value: string | number): string {
  let text = String(value);
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function indexCsv(entries: readonly ManifestEntry[]): string {
  const header = ['id', 'title', 'notebook', 'status', 'revisions', 'revision_hash', 'synced_at', 'record'];
  const lines = [header.join(',')];
  for (const e of entries) {
    lines.push(
      [e.id, e.title, e.notebook, e.status, e.revisionCount, e.revisionHash, e.syncedAt, e.files[0]?.path ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function indexHtml(entries: readonly ManifestEntry[], heading: string): string {
  const rows = entries
    .map((e) => {
      const href = e.files[0]?.path ?? '';
      return `<tr${e.tombstone ? ' class="trashed"' : ''}><td><a href="${escapeHtml(encodeURI(href))}">${escapeHtml(e.title)}</a></td><td>${escapeHtml(e.notebook)}</td><td>${e.status}</td><td>${e.revisionCount}</td><td>${escapeHtml(e.syncedAt)}</td><td><code>${escapeHtml(e.revisionHash.slice(0, 16))}</code></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}.trashed{color:#888;text-decoration:line-through}</style>
</head><body><h1>${escapeHtml(heading)}</h1>
<p>${entries.length} entries. Each link opens the entry's record.json: its full history with SHA-256 hashes.</p>
<table><thead><tr><th>Title</th><th>Notebook</th><th>Status</th><th>Revisions</th><th>Synced</th><th>Revision hash</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
