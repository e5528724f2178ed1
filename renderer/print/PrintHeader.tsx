import type { JSX } from 'react';
import type { PrintModel } from '../../shared/pdf/print-model';
import { utcText } from './time-text';

const STATUS_TEXT: Record<PrintModel['entry']['status'], string> = {
  draft: 'Draft (not signed)',
  signed: 'Signed',
  witnessed: 'Signed and witnessed',
};

/** The record's identity: notebook, title, ids, people, times, status, and the hash of the embedded record. */
export function PrintHeader({ model }: { model: PrintModel }): JSX.Element {
  const { entry } = model;
  const rows: Array<[string, string]> = [
    ['Entry ID', entry.id],
    ['Revision', `${entry.revision} of ${model.revisions.length}`],
    ['Status', STATUS_TEXT[entry.status]],
    [entry.authors.length === 1 ? 'Author' : 'Authors', entry.authors.join(', ') || '–'],
    ['Created', utcText(entry.createdAt)],
    ['Modified', utcText(entry.modifiedAt)],
  ];
  if (entry.tags.length > 0) rows.push(['Tags', entry.tags.join(', ')]);
  return (
    <header className="pr-header">
      <p className="pr-notebook">{model.notebook.name}</p>
      <h1 className="pr-title">{entry.title}</h1>
      {entry.trashed && <p className="pr-trashed">This entry is in the trash.</p>}
      <table className="pr-meta">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Record SHA-256</th>
            <td className="pr-hash" data-record-sha256={model.record.sha256}>
              {model.record.sha256}
              <span className="pr-hash-note"> (of the attached file {model.record.fileName})</span>
            </td>
          </tr>
        </tbody>
      </table>
    </header>
  );
}
