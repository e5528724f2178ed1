// Builds the production bundles exactly as `electron-forge package` would
// (same Forge Vite plugin config generator, same forge.config.ts), without
// running Electron Packager, which insists on downloading Electron. The output
// is what electron-builder packs and what the Electron Playwright test runs:
//   .vite/build/main.js, .vite/build/preload.cjs, .vite/renderer/main_window/
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

async function vitePluginConfig(root) {
  const { default: forgeConfig } = await tsImport(path.join(root, 'forge.config.ts'), import.meta.url);
  const plugin = (forgeConfig.plugins ?? []).find((p) => p && p.name === 'vite');
  if (!plugin) throw new Error('forge.config.ts has no Vite plugin');
  return plugin.config;
}

/**
 * The packages (not Node built-ins, not electron) among a bundle's external
 * imports, as Rollup/Rolldown reports them for the chunk. For main this must
 * be exactly what build/electron-builder.yml ships in node_modules.
 */
export function externalPackagesOf(importIds) {
  const builtins = new Set(builtinModules);
  const packages = importIds
    .filter((id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0'))
    .filter((id) => !id.startsWith('node:') && !builtins.has(id.split('/')[0]))
    .filter((id) => id !== 'electron' && !id.startsWith('electron/'))
    .map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]));
  return [...new Set(packages)].sort();
}

/** What main may import from node_modules; build/electron-builder.yml packs exactly these. */
export const MAIN_EXTERNALS = ['better-sqlite3'];

/**
 * Builds main, preload and (unless renderer is false) the renderer into
 * outDir (default <root>/.vite, the layout package.json "main" expects);
 * returns outDir. Tests build elsewhere so they never race a real build.
 */
export async function buildElectronBundles({
  root = REPO_ROOT,
  outDir = path.join(root, '.vite'),
  renderer = true,
  log = console.log,
} = {}) {
  const pluginConfig = await vitePluginConfig(root);
  if (renderer) {
    for (const { config } of pluginConfig.renderer) {
      if (!fs.existsSync(path.join(root, config)))
        throw new Error(`${config} is missing: the renderer cannot be built`);
    }
  }
  const { default: ViteConfigGenerator } = require('@electron-forge/plugin-vite/dist/ViteConfig.js');
  const vite = await import('vite');
  const generator = new ViteConfigGenerator(pluginConfig, root, true);

  fs.rmSync(outDir, { recursive: true, force: true });
  // Main and preload share <outDir>/build (Forge empties nothing per build), so one after the other.
  const importIds = [];
  for (const config of await generator.getBuildConfigs()) {
    log(
      `Persist: bundling ${path.relative(root, String(config.build?.lib?.entry ?? config.build?.rollupOptions?.input))}`,
    );
    const result = await vite.build({
      configFile: false,
      logLevel: 'warn',
      ...config,
      build: { ...config.build, outDir: path.join(outDir, 'build') },
    });
    for (const output of [result].flat()) {
      for (const chunk of output.output ?? []) {
        if (chunk.type === 'chunk' && chunk.fileName === 'main.js')
          importIds.push(...chunk.imports, ...chunk.dynamicImports);
      }
    }
  }
  const mainExternals = externalPackagesOf(importIds);
  if (mainExternals.join() !== MAIN_EXTERNALS.join()) {
    throw new Error(
      `the main bundle loads ${mainExternals.join(', ') || 'nothing'} from node_modules; the package ships only ${MAIN_EXTERNALS.join(', ')} (update build/electron-builder.yml and MAIN_EXTERNALS together)`,
    );
  }
  if (!renderer) return outDir;
  const rendererConfigs = await generator.getRendererConfig();
  for (const [i, config] of rendererConfigs.entries()) {
    // The renderer's own vite.config.ts sends its output to dist/renderer for
    // the browser harness; the Electron app always reads the Forge layout, so
    // that is where this build goes, whatever the renderer config says.
    const name = pluginConfig.renderer[i].name;
    const target = path.join(outDir, 'renderer', name);
    log(`Persist: bundling the renderer (${name}) into ${path.relative(root, target)}`);
    await vite.build({
      configFile: false,
      logLevel: 'warn',
      ...config,
      build: { ...config.build, outDir: target, emptyOutDir: true },
    });
  }
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  buildElectronBundles().catch((error) => {
    console.error(`Persist: bundling failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
