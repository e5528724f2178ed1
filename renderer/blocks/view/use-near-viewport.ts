import { type RefObject, startTransition, useEffect, useState } from 'react';

/** How far outside the visible area something counts as near enough to render. */
const NEAR = '600px';

/**
 * Becomes true, once and for good, when the element comes within NEAR of the
 * visible area, and not before the frame that shows the entry has been
 * painted: for parts of a block that are costly to mount (charts) and need
 * not be ready before the scientist scrolls to them. Also true before the
 * page is printed, so a print shows everything.
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (near || element === null) return;
    let observer: IntersectionObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => startTransition(() => setNear(true));
    // The margin applies to the viewport (rootMargin) and to the scrolling
    // boxes in between (scrollMargin, where supported).
    const options: IntersectionObserverInit & { scrollMargin?: string } = { rootMargin: NEAR, scrollMargin: NEAR };
    // After the next paint: an animation frame, then a task queued from it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        observer = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) show();
        }, options);
        observer.observe(element);
      }, 0);
    });
    window.addEventListener('beforeprint', show);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer?.disconnect();
      window.removeEventListener('beforeprint', show);
    };
  }, [ref, near]);

  return near;
}
