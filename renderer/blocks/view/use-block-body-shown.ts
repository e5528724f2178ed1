import { deepActiveElement, parentAcrossShadow } from '../node/block-shadow-root';
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * How close to the visible part of the entry a block must come for its form
 * to be mounted: more than a screen ahead, so that scrolling (wheel, keys,
 * dragging the scrollbar at a reading pace) finds the form already there.
 */
const SHOW_MARGIN_PX = 1200;
/**
 * How far away a mounted form must go before it is unmounted again: well
 * beyond SHOW_MARGIN_PX, so a block at the edge does not come and go.
 */
const KEEP_MARGIN_PX = 3600;

export interface BlockBodyShown {
  /** Whether the block's form (its body) is mounted. */
  shown: boolean;
  /** The body's height when it was last unmounted, for the placeholder; null before that. */
  lastHeight: number | null;
}

/** Scrolling boxes found so far, by the element asked about (the editor's root is shared by all its blocks). */
const scrollRoots = new WeakMap<Element, Element | null>();

/** The nearest ancestor that scrolls vertically (the editor's scrolling box), or null for the viewport. */
function scrollRootOf(element: Element): Element | null {
  const visited: Element[] = [];
  let found: Element | null = null;
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    const known = scrollRoots.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(node);
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') {
      found = node;
      break;
    }
  }
  for (const node of visited) scrollRoots.set(node, found);
  return found;
}

function isNear(element: Element, root: Element | null, margin: number): boolean {
  const box = element.getBoundingClientRect();
  const area = root ? root.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  return box.bottom >= area.top - margin && box.top <= area.bottom + margin;
}

/**
 * Whether a protocol block's form should be in the DOM. A form holds hundreds
 * of elements, all inside the editor's contenteditable root: the browser
 * walks them on every keystroke (to compute the caret's text offsets) and
 * rendering 20 of them makes opening an entry slow. So only the forms near
 * the visible area are mounted:
 *
 * - when the entry opens, the blocks near the visible area are decided before
 *   the first paint (a layout effect), so the first frame already shows
 *   their forms;
 * - afterwards an IntersectionObserver mounts a form once its block comes
 *   within SHOW_MARGIN_PX of the visible area, and unmounts it once it is
 *   more than KEEP_MARGIN_PX away - never while focus is inside the block,
 *   so a value being typed or a selection being made is not lost;
 * - before printing every form is mounted.
 *
 * `wrapper` is the block's outer element; its `.pb-body` is measured before
 * unmounting so that the placeholder keeps the same height.
 */
export function useBlockBodyShown(wrapper: RefObject<HTMLElement | null>): BlockBodyShown {
  const [state, setState] = useState<BlockBodyShown>({ shown: false, lastHeight: null });
  const shownRef = useRef(false);
  useEffect(() => {
    shownRef.current = state.shown;
  }, [state.shown]);

  useLayoutEffect(() => {
    const element = wrapper.current;
    if (element?.isConnected && isNear(element, scrollRootOf(element), SHOW_MARGIN_PX)) {
      // Measuring the laid-out block and rendering again before the paint is
      // what a layout effect is for: the first frame shows the forms in view.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setState((s) => (s.shown ? s : { ...s, shown: true }));
    }
  }, [wrapper]);

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const root = scrollRootOf(element);
    let far = false;
    const show = () => setState((s) => (s.shown ? s : { ...s, shown: true }));
    const hide = () => {
      if (!shownRef.current || element.contains(deepActiveElement())) return;
      const body = element.querySelector('.pb-body');
      const lastHeight = body ? body.getBoundingClientRect().height : null;
      setState({ shown: false, lastHeight });
    };
    const near = new IntersectionObserver((entries) => entries.at(-1)?.isIntersecting && show(), {
      root,
      rootMargin: `${SHOW_MARGIN_PX}px 0px`,
    });
    const keep = new IntersectionObserver(
      (entries) => {
        far = entries.at(-1)?.isIntersecting === false;
        if (far) hide();
      },
      { root, rootMargin: `${KEEP_MARGIN_PX}px 0px` },
    );
    near.observe(element);
    keep.observe(element);
    // A block left far away while focus was inside it goes once focus leaves.
    const onFocusOut = () => {
      if (far) setTimeout(() => far && hide(), 0);
    };
    element.addEventListener('focusout', onFocusOut);
    window.addEventListener('beforeprint', show);
    return () => {
      near.disconnect();
      keep.disconnect();
      element.removeEventListener('focusout', onFocusOut);
      window.removeEventListener('beforeprint', show);
    };
  }, [wrapper]);

  return state;
}
