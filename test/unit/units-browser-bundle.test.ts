// shared/units and shared/calc must run in the renderer: bundle them with Vite
// for the browser and run the bundle in a bare JavaScript context (no process,
// no require, no Node built-ins), the way a sandboxed renderer would.
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, type Rollup } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('browser bundle of shared/units and shared/calc', () => {
  it('bundles without Node built-ins and computes the same numbers', async () => {
    const entry = `
      import { parseQuantity, toCanonical, formatQuantity } from '/shared/units/index.ts';
      import { fit4pl, fitGr, grCurve, fourPl } from '/shared/calc/index.ts';
      const parsed = parseQuantity('0.07 mM', 'molarConcentration');
      const doses = Array.from({ length: 9 }, (_, k) => 100 / 3 ** k);
      const fit = fit4pl(doses.map((dose) => ({ dose, response: fourPl(dose, { bottom: 5, top: 100, ic50: 3, hill: 1.3 }) })));
      const gr = fitGr(doses.map((c) => ({ concentration: c / 3, gr: grCurve(c / 3, { grInf: -0.3, gec50: 1, hill: 1.5 }) })));
      export const result = {
        canonical: parsed.ok ? toCanonical(parsed.value) : null,
        shown: formatQuantity({ value: 206.681, unit: 'mm3' }),
        ic50: fit.ok ? fit.value.ic50.value : null,
        ci: fit.ok ? fit.value.ic50.ci : null,
        gr50: gr.ok ? gr.value.gr50 : null,
      };
    `;
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root,
      plugins: [
        {
          name: 'virtual-entry',
          enforce: 'pre',
          // Vite resolves a lib entry against the root first: match the end of the id.
          resolveId: (id) => (id.endsWith('virtual:entry') ? '\0virtual-entry' : null),
          load: (id) => (id === '\0virtual-entry' ? entry : null),
        },
      ],
      build: {
        write: false,
        minify: true,
        lib: { entry: 'virtual:entry', formats: ['iife'], name: 'bundle' },
      },
    })) as Rollup.RollupOutput[];
    const chunk = output[0]?.output[0];
    if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
    expect(chunk.code).not.toMatch(/require\(["']node:|from ["']node:/);
    const sandbox: Record<string, unknown> = {};
    runInNewContext(`${chunk.code};globalThis.out = bundle.result;`, sandbox);
    const result = sandbox.out as {
      canonical: unknown;
      shown: string;
      ic50: number;
      ci: [number, number];
      gr50: number;
    };
    expect(result.canonical).toEqual({ value: 70, unit: 'µM' });
    expect(result.shown).toBe('206.7 mm³');
    expect(result.ic50).toBeCloseTo(3, 6);
    expect(result.ci[0]).toBeLessThan(3);
    expect(result.gr50).toBeCloseTo(0.731, 4);
  });
});
