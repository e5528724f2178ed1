import type { JSX } from 'react';
import type { ComputedValue } from '../../../shared/templates/evaluation';

/**
 * A computed value: read-only, recomputed as the inputs change. When inputs
 * are missing it says which, quietly; a real failure reads as such.
 */
export function ComputedOutput({
  id,
  computed,
  describedBy,
  compact = false,
}: {
  id?: string;
  computed: ComputedValue | undefined;
  describedBy?: string;
  compact?: boolean;
}): JSX.Element {
  if (!computed) {
    return (
      <output id={id} className="pb-computed pb-computed-empty" aria-describedby={describedBy}>
        –
      </output>
    );
  }
  if (!computed.ok) {
    return (
      <output
        id={id}
        className={`pb-computed ${computed.missing ? 'pb-computed-empty' : 'pb-computed-error'}`}
        aria-describedby={describedBy}
        title={computed.message}
      >
        {computed.missing || compact ? '–' : computed.message}
      </output>
    );
  }
  return (
    <output id={id} className="pb-computed" aria-describedby={describedBy}>
      <span className="pb-computed-value">{computed.display}</span>
      {!compact &&
        computed.flags?.map((flag) => (
          <span key={flag} className="pb-flag">
            {flag}
          </span>
        ))}
    </output>
  );
}
