import type { JSX } from 'react';
import type { PrintRevision } from '../../shared/pdf/print-model';
import { utcText } from './time-text';

/** Every revision of the entry: when, by whom, why, and the hash that chains it to the one before. */
export function AuditTrail({ revisions, printed }: { revisions: PrintRevision[]; printed: number }): JSX.Element {
  return (
    <section className="pr-appendix pr-audit">
      <h2>Audit trail</h2>
      <p className="pr-note">
        Each revision&apos;s SHA-256 covers its content and the hash of the revision before it; the printed revision is
        marked.
      </p>
      <table className="pr-data pr-audit-table">
        <thead>
          <tr>
            <th className="pr-rownum">Rev.</th>
            <th>Time</th>
            <th>Author</th>
            <th>Reason</th>
            <th className="pr-audit-hash">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.seq} className={r.seq === printed ? 'pr-printed-revision' : undefined}>
              <td className="pr-rownum">
                {r.seq}
                {r.seq === printed ? ' *' : ''}
              </td>
              <td>{utcText(r.createdAt)}</td>
              <td>{r.author}</td>
              <td>{r.reason}</td>
              <td className="pr-hash">{r.hash}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
