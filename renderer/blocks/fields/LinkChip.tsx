import type { JSX } from 'react';
import type { LinkValue } from '../../../shared/templates/block';
import { openEntry } from '../../state/entry-actions';
import { Icon } from '../../ui/icons';
import { formatValue } from './format-value';

const humanize = (key: string) => key.replace(/_/g, ' ');

/** A chosen link: what it points at (click to open it), the values copied from it, change and remove. */
export function LinkChip({
  link,
  readOnly,
  compact,
  onChange,
  onRemove,
}: {
  link: LinkValue;
  readOnly: boolean;
  compact: boolean;
  onChange?: () => void;
  onRemove: () => void;
}): JSX.Element {
  const snapshot = Object.entries(link.snapshot ?? {})
    .map(([k, v]) => `${humanize(k)} ${formatValue(v)}`)
    .join(' · ');
  const label = link.label || 'Linked entry';
  return (
    <li className="pb-link-chip" title={compact && snapshot ? `${label}\n${snapshot}` : undefined}>
      <Icon name="link" size={13} />
      <button
        type="button"
        className="pb-link-label"
        title={`Open the entry of ${label}`}
        onClick={() => openEntry(link.entryId)}
      >
        {label}
      </button>
      {!compact && snapshot && (
        <span className="pb-link-snapshot" title="Values copied from the linked block when the link was made">
          {snapshot}
        </span>
      )}
      {!readOnly && onChange && (
        <button
          type="button"
          className="icon-button icon-button-small pb-link-action"
          aria-label={`Change link to ${label}`}
          title="Change"
          onClick={onChange}
        >
          <Icon name="pencil" size={12} />
        </button>
      )}
      {!readOnly && (
        <button
          type="button"
          className="icon-button icon-button-small pb-link-action"
          aria-label={`Remove link to ${label}`}
          title="Remove"
          onClick={onRemove}
        >
          <Icon name="close" size={12} />
        </button>
      )}
    </li>
  );
}
