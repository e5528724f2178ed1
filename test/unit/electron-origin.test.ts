import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, isSafeExternalUrl, isTrustedSender, originOf } from '../../electron/main/origin';

describe('originOf', () => {
  it('computes scheme://host for the custom scheme (URL#origin would say "null")', () => {
    expect(new URL('persist-app://app/index.html').origin).toBe('null');
    expect(originOf('persist-app://app/index.html')).toBe('persist-app://app');
    expect(originOf('http://localhost:5173/src/x.ts')).toBe('http://localhost:5173');
  });

  it('has no origin for opaque, empty or broken URLs', () => {
    for (const url of [
      'about:blank',
      'data:text/html,<b>x</b>',
      'javascript:alert(1)',
      '',
      'not a url',
      null,
      undefined,
    ]) {
      expect(originOf(url)).toBeNull();
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts frames showing the app origin', () => {
    expect(isTrustedSender('persist-app://app/index.html', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('persist-app://app/', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('PERSIST-APP://APP/index.html#/entry/1', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('refuses a missing frame (null URL) and anything that is not exactly the app origin', () => {
    const untrusted = [
      null,
      undefined,
      '',
      'about:blank',
      'file:///home/user/persist/.vite/renderer/main_window/index.html',
      'persist-app://evil/index.html',
      'persist-app://app.evil.com/index.html',
      'persist-app://app:8080/index.html',
      'https://app/index.html',
      'https://example.com/persist-app://app/',
      'data:text/html,persist-app://app',
      'http://localhost:5174/',
    ];
    for (const url of untrusted) expect(isTrustedSender(url, APP_ORIGIN), String(url)).toBe(false);
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('refuses everything when the app origin itself is not a real origin', () => {
    expect(isTrustedSender('about:blank', 'about:blank')).toBe(false);
    expect(isTrustedSender('persist-app://app/', '')).toBe(false);
  });

  it('uses the same rule for navigation targets', () => {
    expect(isAppUrl('persist-app://app/other.html', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('https://example.com/', APP_ORIGIN)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('lets plain web and mail links through', () => {
    for (const url of ['https://pubmed.ncbi.nlm.nih.gov/123/', 'http://example.org/a?b=c', 'mailto:lab@example.org']) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, credentials, control characters and junk', () => {
    const refused = [
      'file:///etc/passwd',
      'smb://share/x',
      'javascript:alert(1)',
      'data:text/html,hi',
      'persist-app://app/index.html',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'https://user:pass@example.org/',
      'https://exa mple.org/',
      'https://example.org/\u0000',
      'https:\\\\example.org',
      'mailto:',
      'https://',
      '',
      42,
      null,
      `https://example.org/${'a'.repeat(3000)}`,
    ];
    for (const url of refused) expect(isSafeExternalUrl(url), String(url)).toBe(false);
  });
});
