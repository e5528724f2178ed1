import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import type { JSX } from 'react';
import { useAttachmentImage } from '../../attachments/use-attachment-image';
import '../../styles/attachments.css';

/**
 * How an image of the entry text looks: the verified picture (or why it
 * cannot be shown: a damaged or missing file is said so, never drawn as a
 * broken icon), selectable with a click so Backspace or Delete removes it.
 */
export function AttachmentImageView(props: {
  nodeKey: string;
  sha256: string;
  alt: string;
  width: number | undefined;
}): JSX.Element {
  const { nodeKey, sha256, alt, width } = props;
  const [selected, setSelected, clearSelected] = useLexicalNodeSelection(nodeKey);
  const shown = useAttachmentImage(sha256);
  return (
    <figure
      className={`entry-image${selected ? ' entry-image-selected' : ''}`}
      data-sha256={sha256}
      onClick={(event) => {
        if (!event.shiftKey) clearSelected();
        setSelected(true);
      }}
    >
      {shown.status === 'ready' ? (
        <img src={shown.url} alt={alt} style={width ? { width } : undefined} draggable={false} />
      ) : (
        <div className={`entry-image-${shown.status}`} role={shown.status === 'error' ? 'alert' : undefined}>
          {shown.status === 'loading' ? `Loading ${alt}…` : `Cannot show "${alt}": ${shown.message}`}
        </div>
      )}
    </figure>
  );
}
