import type { JSX } from 'react';
import type { Problem } from '../../shared/templates/evaluation';

/** Problems in words, so the printed record says what the editor marked (no colour needed to read it). */
export function ProblemList({ problems }: { problems: readonly Problem[] }): JSX.Element | null {
  if (problems.length === 0) return null;
  return (
    <ul className="pr-problems">
      {problems.map((p, i) => (
        <li key={`${p.code}.${i}`} className={p.severity === 'block' ? 'pr-problem-block' : 'pr-problem-warning'}>
          <strong>{p.severity === 'block' ? 'Blocking:' : 'Warning:'}</strong> {p.message}
        </li>
      ))}
    </ul>
  );
}
