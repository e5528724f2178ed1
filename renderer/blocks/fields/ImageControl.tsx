import { type ClipboardEvent, type DragEvent, type JSX, useRef, useState } from 'react';
import { ATTACHMENT_TYPES_TEXT, formatBytes } from '../../../shared/attachments/limits';
import type { ImageValue } from '../../../shared/templates/block';
import type { FieldDefinition } from '../../../shared/templates/definition';
import { isImageValue } from '../../../shared/templates/values';
import { carriesFiles, fileOf } from '../../attachments/attach-file';
import { ImageFileInput } from '../../attachments/ImageFileInput';
import { useAttachmentImage } from '../../attachments/use-attachment-image';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import type { ControlProps } from './control-props';
import { formatValue } from './format-value';
import { useImageValue } from './use-image-value';
import '../../styles/attachments.css';

type ImageField = Extract<FieldDefinition, { type: 'image' }>;

/**
 * An image field: choose a file, paste an image or drop one. The picture is
 * stored as an attachment (content-addressed, never deleted) and the field
 * keeps only its reference, so replacing or removing it is an ordinary edit
 * that undo brings back. Shows a thumbnail, the name and the size.
 */
export function ImageControl(props: ControlProps<ImageField>): JSX.Element {
  const { field, value, controlId, labelId, describedBy } = props;
  const { readOnly } = useBlockContext();
  const setter = useFieldSetter(field.id);
  const { busy, error, attach, remove } = useImageValue((next) => setter(next));
  const chooser = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const image = isImageValue(value) ? value : undefined;

  const onPaste = (event: ClipboardEvent) => {
    const file = fileOf(event.clipboardData);
    if (!file || readOnly) return;
    event.preventDefault();
    void attach(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (readOnly || !carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    setDragging(false);
    const file = fileOf(event.dataTransfer);
    if (!file || readOnly) return;
    event.preventDefault();
    void attach(file);
  };

  return (
    <div
      className={`pb-image${dragging ? ' pb-image-dragging' : ''}`}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-busy={busy}
      onPaste={onPaste}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {image ? (
        <Thumbnail image={image} />
      ) : value !== undefined && value !== null ? (
        <p className="pb-image-note">Stored value is not an image: {formatValue(value)}</p>
      ) : null}
      {!readOnly && (
        <>
          <ImageFileInput inputRef={chooser} id={controlId} onFile={(file) => void attach(file)} />
          <div
            className="pb-image-drop"
            role="group"
            tabIndex={0}
            aria-label={`${field.label}: paste an image here (Ctrl+V), or drop one`}
          >
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => chooser.current?.click()}
            >
              {image ? 'Replace…' : 'Choose image…'}
            </button>
            {image && (
              <button type="button" className="button button-small" disabled={busy} onClick={remove}>
                Remove
              </button>
            )}
            <span className="pb-image-hint" aria-hidden="true">
              {busy ? 'Storing…' : `or paste or drop a ${ATTACHMENT_TYPES_TEXT} image`}
            </span>
          </div>
        </>
      )}
      {error && (
        <p className="pb-image-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The stored picture, small; the full one opens nowhere (no window may be opened), so it is only shown. */
function Thumbnail({ image }: { image: ImageValue }): JSX.Element {
  const shown = useAttachmentImage(image.sha256);
  const dims = image.width && image.height ? ` · ${image.width} × ${image.height}` : '';
  return (
    <figure className="pb-image-figure">
      {shown.status === 'ready' ? (
        <img className="pb-image-thumb" src={shown.url} alt={image.name} />
      ) : (
        <div
          className={`pb-image-thumb pb-image-${shown.status}`}
          role={shown.status === 'error' ? 'alert' : undefined}
        >
          {shown.status === 'loading' ? 'Loading…' : `Cannot show this image: ${shown.message}`}
        </div>
      )}
      <figcaption className="pb-image-caption">
        <span className="pb-image-name">{image.name}</span>
        {shown.status === 'ready' && (
          <span className="pb-image-size">
            {formatBytes(shown.size)}
            {dims}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
