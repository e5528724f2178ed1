import type { BrowserContext, Page } from '@playwright/test';
import { beforePageScripts, inPage } from './in-page';

/**
 * Counts React commits in a page: React DOM reports every commit to a
 * developer-tools hook when one is defined before it loads (production
 * builds too), and this stand-in only counts. While the caret is in the
 * editor, every React commit costs a walk over the whole contenteditable
 * (React DOM saves the selection before mutating), so commits per keystroke
 * is worth watching.
 */
export async function countReactCommits(context: BrowserContext): Promise<void> {
  await beforePageScripts(
    context,
    () => {
      const counter = { commits: 0 };
      Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
        value: {
          supportsFiber: true,
          renderers: new Map(),
          inject: () => 1,
          checkDCE: () => undefined,
          onScheduleFiberRoot: () => undefined,
          onCommitFiberUnmount: () => undefined,
          onPostCommitFiberRoot: () => undefined,
          onCommitFiberRoot: () => void (counter.commits += 1),
        },
      });
      Object.defineProperty(window, '__benchReactCommits', { value: counter });
    },
    null,
  );
}

/** React commits in the page so far. */
export async function reactCommits(page: Page): Promise<number> {
  return inPage(
    page,
    () => (window as unknown as { __benchReactCommits: { commits: number } }).__benchReactCommits.commits,
    null,
  );
}
