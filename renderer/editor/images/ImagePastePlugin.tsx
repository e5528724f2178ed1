import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $insertNodes,
  $isDecoratorNode,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
} from 'lexical';
import { type JSX, useEffect, useState } from 'react';
import { messageOf } from '../../api/api-error';
import { attachFile, carriesFiles, fileOf } from '../../attachments/attach-file';
import { $createAttachmentImageNode } from './AttachmentImageNode';

/** The file an event carries, unless it is text or HTML that merely mentions images. */
function pastedFile(event: ClipboardEvent | DragEvent | InputEvent | KeyboardEvent): File | null {
  if (event instanceof ClipboardEvent) return fileOf(event.clipboardData);
  if (event instanceof DragEvent) return fileOf(event.dataTransfer);
  return null;
}

/**
 * Pasting or dropping an image file into the entry text stores it as an
 * attachment and inserts an image node where the caret is (after the block
 * a drop lands on). A refused file (too big, not an image) is said so in a
 * message at the bottom of the editor; the text is left as it was.
 */
export function ImagePastePlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  useEffect(() => {
    const insert = (file: File, target: EventTarget | null) => {
      setMessage({ text: `Storing "${file.name || 'image'}"…`, failed: false });
      attachFile(file)
        .then((info) => {
          setMessage(null);
          editor.update(() => {
            const node = $createAttachmentImageNode({ sha256: info.sha256, alt: info.name });
            const near = target instanceof Node ? $getNearestNodeFromDOMNode(target) : null;
            // Dropped on a block-level decorator (another image, a protocol block): after it.
            if (near && $isDecoratorNode(near) && !near.isInline()) near.insertAfter(node);
            else $insertNodes([node]);
          });
        })
        .catch((error: unknown) =>
          setMessage({ text: `Could not add "${file.name || 'the image'}": ${messageOf(error)}`, failed: true }),
        );
    };
    const take = (event: ClipboardEvent | DragEvent | InputEvent | KeyboardEvent) => {
      const file = pastedFile(event);
      if (!file) return false;
      event.preventDefault();
      insert(file, event.target);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(PASTE_COMMAND, take, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(DROP_COMMAND, take, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!carriesFiles(event.dataTransfer)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  if (!message) return null;
  return (
    <div className={`entry-image-message${message.failed ? ' entry-image-failed' : ''}`}>
      <span role={message.failed ? 'alert' : 'status'}>{message.text}</span>
      <button type="button" className="button button-small" onClick={() => setMessage(null)}>
        Dismiss
      </button>
    </div>
  );
}
