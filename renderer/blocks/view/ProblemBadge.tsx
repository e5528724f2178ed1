import type { JSX } from 'react';
import { Icon } from '../../ui/icons';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The block header's summary: how many blocking problems and warnings, or that all is well. */
export function ProblemBadge({ blocking, warnings }: { blocking: number; warnings: number }): JSX.Element {
  if (blocking === 0 && warnings === 0) {
    return (
      <span className="pb-badge pb-badge-ok" role="status" aria-label="No problems">
        <Icon name="check" size={13} />
        Checks pass
      </span>
    );
  }
  const parts = [
    blocking > 0 ? plural(blocking, 'blocking problem', 'blocking problems') : null,
    warnings > 0 ? plural(warnings, 'warning', 'warnings') : null,
  ].filter(Boolean);
  return (
    <span className="pb-badges" role="status" aria-label={parts.join(', ')}>
      {blocking > 0 && (
        <span className="pb-badge pb-badge-block" title={parts[0] ?? undefined}>
          <Icon name="blocked" size={13} />
          {plural(blocking, 'blocking', 'blocking')}
        </span>
      )}
      {warnings > 0 && (
        <span className="pb-badge pb-badge-warning">
          <Icon name="warning" size={13} />
          {plural(warnings, 'warning', 'warnings')}
        </span>
      )}
    </span>
  );
}
