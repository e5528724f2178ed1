let sharedSheet: CSSStyleSheet | null = null;
let sheetsSeen = -1;

/**
 * The app's style rules as one sheet shared by every block's shadow root,
 * rebuilt when the document gains a style sheet (a lazily loaded part's);
 * the roots adopt the same object, so they all see the rebuilt rules.
 */
function appStyleSheet(): CSSStyleSheet {
  if (sharedSheet && sheetsSeen === document.styleSheets.length) return sharedSheet;
  sheetsSeen = document.styleSheets.length;
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) rules.push(rule.cssText);
    } catch {
      // A sheet from another origin cannot be read; the app has none.
    }
  }
  sharedSheet ??= new CSSStyleSheet();
  sharedSheet.replaceSync(rules.join('\n'));
  return sharedSheet;
}

/**
 * Each protocol block draws inside a shadow root of its host element.
 * Why: on every key typed in the text, Chromium recomputes the caret's
 * selection and its offsets in the editable text, walking the document tree
 * before the caret, form controls included; a shadow tree is outside that
 * walk, so typing in a long entry no longer pays for the blocks' forms
 * (docs/PERFORMANCE.md, finding 11). The app's styles are adopted as one
 * shared sheet, so a block looks as it did in the light tree.
 */
export function attachBlockShadowRoot(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [appStyleSheet()];
  return root;
}

/** The element that has focus, looking into shadow roots (document.activeElement stops at a block's host). */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The parent element, stepping from a shadow root's top to its host. */
export function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : null;
}
