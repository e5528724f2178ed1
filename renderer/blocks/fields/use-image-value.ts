import { useState } from 'react';
import type { ImageValue } from '../../../shared/templates/block';
import { messageOf } from '../../api/api-error';
import { attachFile } from '../../attachments/attach-file';
import { breakUndoMerge } from '../node/block-updates';

/**
 * Attaching a file to an image value (a field or a table cell): stores the
 * file as an attachment and hands its reference to `store`. Attaching and
 * removing are single acts: each is its own undo step, never merged with the
 * one before as quick keystrokes in a text field are.
 */
export function useImageValue(store: (next: ImageValue | undefined) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (next: ImageValue | undefined) => {
    breakUndoMerge();
    store(next);
  };
  const attach = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const info = await attachFile(file);
      const stored: ImageValue = { sha256: info.sha256, name: info.name, mime: info.mime };
      if (info.width !== undefined && info.height !== undefined)
        Object.assign(stored, { width: info.width, height: info.height });
      set(stored);
    } catch (e) {
      setError(`Could not attach "${file.name || 'the image'}": ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const remove = () => {
    setError(null);
    set(undefined);
  };
  return { busy, error, attach, remove };
}
