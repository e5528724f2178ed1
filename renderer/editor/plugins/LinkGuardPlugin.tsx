import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

function stopLinkNavigation(event: MouseEvent): void {
  if (event.target instanceof Element && event.target.closest('a[href]')) event.preventDefault();
}

/**
 * Links inside an entry must never navigate the app window (in a read-only
 * entry an <a> is a live link; Ctrl+click or a middle click would open it).
 * Clicks on links only place the caret; the URL shows as a tooltip.
 */
export function LinkGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const detach = (root: HTMLElement | null) => {
      root?.removeEventListener('click', stopLinkNavigation, true);
      root?.removeEventListener('auxclick', stopLinkNavigation, true);
    };
    const unregister = editor.registerRootListener((root, previous) => {
      detach(previous);
      root?.addEventListener('click', stopLinkNavigation, true);
      root?.addEventListener('auxclick', stopLinkNavigation, true);
    });
    return () => {
      unregister();
      detach(editor.getRootElement());
    };
  }, [editor]);
  return null;
}
