import { describe, expect, it } from 'vitest';
import { APP_CSP, contentSecurityPolicy, devCsp } from '../../electron/main/csp';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('the app CSP', () => {
  const csp = parse(APP_CSP);

  it('allows scripts only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin anywhere', () => {
    expect(APP_CSP).not.toMatch(/https?:|wss?:|\*/);
  });

  it('shuts plugins, <base>, framing and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('shows attachment images from blob: URLs made of verified bytes, and data: URLs in prints', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('is what production uses', () => {
    expect(contentSecurityPolicy()).toBe(APP_CSP);
    expect(contentSecurityPolicy(undefined)).toBe(APP_CSP);
  });
});

describe('the dev-server CSP', () => {
  it('adds only the local dev server websocket and the inline refresh preamble, never eval', () => {
    const dev = devCsp('http://localhost:5173/');
    expect(parse(dev).get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(parse(dev).get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('http://localhost:5173')).toBe(dev);
  });

  it('refuses to build a relaxed policy for a remote origin', () => {
    expect(() => devCsp('https://example.com/')).toThrow(/non-local/);
  });
});
