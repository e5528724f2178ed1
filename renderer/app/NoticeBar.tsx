import { type JSX, useEffect } from 'react';
import { dismissNotice } from '../state/notice-actions';
import { useAppStore } from '../state/store';
import { Icon } from '../ui/icons';

const INFO_VISIBLE_MS = 6000;

/** One message at a time under the top bar. Errors stay until dismissed; information fades. */
export function NoticeBar(): JSX.Element | null {
  const notice = useAppStore((s) => s.notice);

  useEffect(() => {
    if (!notice || notice.kind === 'error') return;
    const timer = setTimeout(() => {
      if (useAppStore.getState().notice?.id === notice.id) dismissNotice();
    }, INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text">{notice.text}</span>
      <button
        type="button"
        className="icon-button icon-button-small"
        aria-label="Dismiss message"
        onClick={dismissNotice}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
