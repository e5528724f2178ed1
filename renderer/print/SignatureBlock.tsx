import type { JSX } from 'react';
import type { PrintSignature } from '../../shared/pdf/print-model';
import { utcText } from './time-text';

/** Signatures of the record; until someone signs, it says so plainly. */
export function SignatureBlock({ signatures }: { signatures: PrintSignature[] }): JSX.Element {
  return (
    <section className="pr-appendix pr-signatures">
      <h2>Signatures</h2>
      {signatures.length === 0 ? (
        <p className="pr-unsigned">Not signed.</p>
      ) : (
        <table className="pr-data">
          <thead>
            <tr>
              <th>Signature</th>
              <th>By</th>
              <th>Time</th>
              <th>Meaning</th>
            </tr>
          </thead>
          <tbody>
            {signatures.map((s, i) => (
              <tr key={i}>
                <td>{s.kind === 'signed' ? 'Signed' : 'Witnessed'}</td>
                <td>{s.by}</td>
                <td>{utcText(s.at)}</td>
                <td>{s.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
