import { type DragEvent, type JSX, useRef } from 'react';
import type { ImageValue } from '../../../shared/templates/block';
import { isImageValue } from '../../../shared/templates/values';
import { carriesFiles, fileOf } from '../../attachments/attach-file';
import { ImageFileInput } from '../../attachments/ImageFileInput';
import { useAttachmentImage } from '../../attachments/use-attachment-image';
import { useImageValue } from '../fields/use-image-value';
import '../../styles/attachments.css';

interface Props {
  value: unknown;
  rowId: string;
  columnId: string;
  /** "Image, row 3". */
  label: string;
  readOnly: boolean;
  onChange: (rowId: string, columnId: string, value: unknown) => void;
}

/**
 * An image in a table row (a day's micrograph): a small thumbnail with its
 * name, "Attach…" to choose a file, or a drop onto the cell. Stored as an
 * attachment like an image field; the cell keeps only the reference.
 */
export function ImageCell({ value, rowId, columnId, label, readOnly, onChange }: Props): JSX.Element {
  const chooser = useRef<HTMLInputElement>(null);
  const { busy, error, attach, remove } = useImageValue((next) => onChange(rowId, columnId, next));
  const image = isImageValue(value) ? value : undefined;
  const onDrop = (event: DragEvent) => {
    const file = fileOf(event.dataTransfer);
    if (!file || readOnly) return;
    event.preventDefault();
    void attach(file);
  };

  return (
    <div
      className="pb-image-cell"
      role="group"
      aria-label={label}
      aria-busy={busy}
      onDragOver={(event) => {
        if (readOnly || !carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={onDrop}
    >
      {image && <CellThumbnail image={image} />}
      {!readOnly && (
        <>
          <ImageFileInput inputRef={chooser} onFile={(file) => void attach(file)} />
          <button
            type="button"
            className="link-button"
            disabled={busy}
            aria-label={`${image ? 'Replace' : 'Attach'} image, ${label}`}
            onClick={() => chooser.current?.click()}
          >
            {busy ? 'Storing…' : image ? 'Replace…' : 'Attach…'}
          </button>
          {image && (
            <button
              type="button"
              className="link-button"
              disabled={busy}
              aria-label={`Remove image, ${label}`}
              onClick={remove}
            >
              Remove
            </button>
          )}
        </>
      )}
      {readOnly && !image && <span className="pb-hint">–</span>}
      {error && (
        <span className="pb-image-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function CellThumbnail({ image }: { image: ImageValue }): JSX.Element {
  const shown = useAttachmentImage(image.sha256);
  return (
    <span className="pb-image-cell-thumb" title={image.name}>
      {shown.status === 'ready' ? (
        <img src={shown.url} alt={image.name} />
      ) : (
        <span className={shown.status === 'error' ? 'pb-image-error' : 'pb-hint'}>
          {shown.status === 'loading' ? '…' : '!'}
        </span>
      )}
      <span className="pb-image-cell-name">{image.name}</span>
    </span>
  );
}
