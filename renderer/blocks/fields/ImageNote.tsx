import type { JSX } from 'react';
import { formatValue } from './format-value';

/** Image fields are read-only until attachments exist; a stored image is named. */
export function ImageNote({ id, value }: { id?: string; value: unknown }): JSX.Element {
  return (
    <p id={id} className="pb-image-note">
      {value === undefined ? 'Images cannot be attached yet; this field is read-only for now.' : formatValue(value)}
    </p>
  );
}
