import { useEffect, useMemo, useState } from 'react';
import { messageOf } from '../api/api-error';
import { call } from '../api/client';
import { base64ToBytes } from './base64';

export type AttachmentImage =
  | { status: 'loading' }
  | { status: 'ready'; url: string; size: number; mime: string }
  | { status: 'error'; message: string };

const LOADING: AttachmentImage = { status: 'loading' };

/**
 * An attachment shown as an image: its bytes fetched with attachments.get
 * (which verifies them against their SHA-256), wrapped in a blob: URL that
 * the page's CSP allows for images, and released when no longer shown.
 */
export function useAttachmentImage(sha256: string | undefined): AttachmentImage {
  // One request per hash shown: a hash shown again after another is fetched
  // again, so a released blob: URL is never handed out.
  const request = useMemo(() => ({ sha256 }), [sha256]);
  const [answer, setAnswer] = useState<{ request: object; image: AttachmentImage } | null>(null);
  useEffect(() => {
    const { sha256: hash } = request;
    if (!hash) return;
    let url: string | undefined;
    let live = true;
    call('attachments.get', { sha256: hash })
      .then((data) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([base64ToBytes(data.dataBase64)], { type: data.mime }));
        setAnswer({ request, image: { status: 'ready', url, size: data.size, mime: data.mime } });
      })
      .catch((error: unknown) => {
        if (live) setAnswer({ request, image: { status: 'error', message: messageOf(error) } });
      });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [request]);
  return answer?.request === request ? answer.image : LOADING;
}
