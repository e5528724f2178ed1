/** Link targets an entry may hold: web pages and e-mail addresses, nothing executable. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Turns what someone typed into a link target, or null when it is not a
 * web or mail address. "example.org/x" becomes "https://example.org/x".
 */
export function normalizeLinkUrl(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  return url.href;
}

/** For LinkPlugin: accepts only URLs already in their final, allowed form. */
export function isAllowedLinkUrl(url: string): boolean {
  return normalizeLinkUrl(url) !== null && /^(https?|mailto):/i.test(url);
}

/** Stored on every link: no opener, no referrer, never a target frame. */
export const LINK_ATTRIBUTES = { rel: 'noopener noreferrer', target: null } as const;
