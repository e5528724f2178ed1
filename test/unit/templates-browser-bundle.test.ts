// The renderer evaluates blocks itself (on every keystroke), so the template
// engine must run in a browser: bundle evaluateBlock, the built-in templates
// and the demo experiment for the browser and run them in a bare JavaScript
// context (no process, no require, no Node built-ins).
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('browser bundle of shared/templates', () => {
  it('bundles without Node built-ins and evaluates the demo blocks', async () => {
    const entry = `
      import { evaluateBlock } from '/shared/templates/evaluate.ts';
      import { BUILTIN_TEMPLATES } from '/shared/templates/builtin/index.ts';
      import { demoExperiment } from '/shared/demo/index.ts';
      let n = 0;
      const env = { today: '2026-11-26', user: 'browser' };
      const entries = demoExperiment(() => '01J' + String(++n).padStart(23, '0'), env);
      const byId = Object.fromEntries(BUILTIN_TEMPLATES.map((t) => [t.id, t]));
      const results = entries.map((e) => {
        const block = e.blocks[0];
        const evaluation = evaluateBlock(byId[block.templateId], block.values, env);
        return { templateId: block.templateId, problems: evaluation.problems.length, computed: evaluation.computed };
      });
      export const result = results;
    `;
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root,
      plugins: [
        {
          name: 'virtual-entry',
          enforce: 'pre',
          resolveId: (id) => (id.endsWith('virtual:entry') ? '\0virtual-entry' : null),
          load: (id) => (id === '\0virtual-entry' ? entry : null),
        },
      ],
      build: { write: false, minify: true, lib: { entry: 'virtual:entry', formats: ['iife'], name: 'bundle' } },
    })) as Rollup.RollupOutput[];
    const chunk = output[0]?.output[0];
    if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
    expect(chunk.code).not.toMatch(/require\(["']node:|from ["']node:/);
    // Keep an eye on what the renderer pays: mathjs units (~230 kB), zod, the fits and the engine.
    console.info(`templates browser bundle: ${(chunk.code.length / 1024).toFixed(0)} kB minified`);
    expect(chunk.code.length).toBeLessThan(900_000);
    const sandbox: Record<string, unknown> = {};
    runInNewContext(`${chunk.code};globalThis.out = bundle.result;`, sandbox);
    const results = sandbox.out as Array<{
      templateId: string;
      problems: number;
      computed: Record<string, { ok: boolean; value?: unknown; display?: string }>;
    }>;
    expect(results).toHaveLength(10);
    for (const r of results) expect(r.problems, r.templateId).toBe(0);
    const induction = results.find((r) => r.templateId === 'persister-induction');
    expect(induction?.computed.persister_fraction?.display).toBe('1.5 %');
    const ic50 = results.find((r) => r.templateId === 'ic50-plate');
    expect(ic50?.computed.abs_ic50?.display).toBe('3.2533 µM');
  });
});
