import { describe, expect, it } from 'vitest';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import { MAX_NODE_DEPTH } from '../../shared/domain/lexical-schema';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { MAX_INPUT_DEPTH, plainDataProblem } from '../../electron/core/plain-data';
import { createHandlers, dispatch, openProfile } from '../../electron/core/index';
import { removeDir, tempDir } from '../support/child-cli';

/** The guard dispatch() runs before any schema: plain JSON-like data only, bounded, never recursive. */
function chain(depth: number): LexicalNodeJson {
  let node: LexicalNodeJson = { type: 'text', text: 'leaf' };
  for (let i = 1; i < depth; i += 1) node = { type: 'paragraph', children: [node] };
  return node;
}

describe('plainDataProblem', () => {
  it('accepts what the app really sends, up to the deepest legal document', () => {
    expect(plainDataProblem({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', content: documentOf(paragraph('ok')) })).toBeNull();
    expect(plainDataProblem({ content: { root: { type: 'root', children: [chain(MAX_NODE_DEPTH)] } } })).toBeNull();
    expect(plainDataProblem({ limit: undefined, list: [null, true, 0, -1.5, 'x'] })).toBeNull();
    expect(plainDataProblem(Object.assign(Object.create(null) as object, { a: 1 }))).toBeNull();
    const wide = documentOf(...Array.from({ length: 20_000 }, (_, i) => paragraph(`paragraph ${i}`)));
    expect(plainDataProblem(wide)).toBeNull();
  });

  it.each([
    ['a bigint', { n: 1n }, /bigint/],
    ['NaN', { n: Number.NaN }, /finite/],
    ['Infinity', [Number.NEGATIVE_INFINITY], /finite/],
    ['a Date', { when: new Date(0) }, /plain objects/],
    ['a Map', new Map(), /plain objects/],
    ['a typed array', { bytes: new Uint8Array(2) }, /plain objects/],
    ['a function', { f: () => 1 }, /function/],
    ['a symbol', { s: Symbol('x') }, /symbol/],
    [
      'too deep',
      JSON.parse(`${'['.repeat(MAX_INPUT_DEPTH + 1)}${']'.repeat(MAX_INPUT_DEPTH + 1)}`) as unknown,
      /deeper/,
    ],
    ['over the character limit', { text: 'x'.repeat(20_000_001) }, /more than/],
  ])('rejects %s', (_name, value, message) => {
    expect(plainDataProblem(value)).toMatch(message);
  });

  it('rejects a cycle without looping or overflowing the stack', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(plainDataProblem(a)).toMatch(/deeper/);
    expect(plainDataProblem(JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown)).toMatch(
      /deeper/,
    );
  });

  it('dispatch turns an unreadable request into invalid_input', async () => {
    const dir = tempDir('plain-data');
    const ctx = openProfile(dir);
    try {
      const hostile = {};
      Object.defineProperty(hostile, 'id', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
      const result = await dispatch(createHandlers(ctx), 'entries.get', hostile);
      expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    } finally {
      ctx.close();
      removeDir(dir);
    }
  });
});
