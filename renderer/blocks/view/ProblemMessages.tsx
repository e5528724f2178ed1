import { type JSX, memo } from 'react';
import type { Problem } from '../../../shared/templates/evaluation';
import { Icon } from '../../ui/icons';

/** Blocking problems first: they are what stops the work. */
function ordered(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

/**
 * Messages under a field or at the top of a block. A warning is amber; a
 * blocking problem is red and says "Blocking" with a stop icon, so it never
 * depends on colour alone.
 */
export const ProblemMessages = memo(function ProblemMessages({
  id,
  problems,
}: {
  id?: string;
  problems: readonly Problem[] | undefined;
}): JSX.Element | null {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="pb-messages" id={id}>
      {ordered(problems).map((p, i) => (
        <li
          key={`${p.code}-${i}`}
          className={`pb-msg pb-msg-${p.severity}${p.code === 'required' ? ' pb-msg-required' : ''}`}
          data-code={p.code}
        >
          <Icon name={p.severity === 'block' ? 'blocked' : 'warning'} size={14} />
          <span className="pb-msg-kind">{p.severity === 'block' ? 'Blocking:' : 'Warning:'}</span>
          <span className="pb-msg-text">{p.message}</span>
        </li>
      ))}
    </ul>
  );
});

/**
 * The worst severity in a list, for the outline of an input. A value that is
 * merely missing does not colour its box: the message below says so, quietly.
 */
export function severityOf(problems: readonly Problem[] | undefined): 'block' | 'warning' | undefined {
  const real = problems?.filter((p) => p.code !== 'required');
  if (!real || real.length === 0) return undefined;
  return real.some((p) => p.severity === 'block') ? 'block' : 'warning';
}
