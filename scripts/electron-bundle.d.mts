// Types for electron-bundle.mjs, so TypeScript tests can import it.
export declare function buildElectronBundles(options?: {
  root?: string;
  outDir?: string;
  renderer?: boolean;
  log?: (line: string) => void;
}): Promise<string>;
export declare function externalPackagesOf(importIds: readonly string[]): string[];
export declare const MAIN_EXTERNALS: readonly string[];
