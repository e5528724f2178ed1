// Types for electron-binary.mjs, so TypeScript tests can import it.
export declare const NO_ELECTRON_MESSAGE: string;
export declare function findElectronBinary(options?: {
  root?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}): { executable: string; distDir: string } | { executable: null; reason: string };
