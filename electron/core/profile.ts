import path from 'node:path';

export const DATABASE_FILE = 'persist.sqlite';

/**
 * Where a profile lives: `--profile DIR` wins, then PERSIST_PROFILE, then the
 * host's default (Electron's userData; the CLI has none and must be told).
 */
export function resolveProfileDir(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  defaultDir?: string;
}): string | null {
  const { argv, env, defaultDir } = options;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--profile' && argv[i + 1]) return path.resolve(argv[i + 1] as string);
    if (arg.startsWith('--profile=') && arg.length > '--profile='.length) {
      return path.resolve(arg.slice('--profile='.length));
    }
  }
  if (env.PERSIST_PROFILE) return path.resolve(env.PERSIST_PROFILE);
  return defaultDir ? path.resolve(defaultDir) : null;
}

export function databasePath(profileDir: string): string {
  return path.join(profileDir, DATABASE_FILE);
}
