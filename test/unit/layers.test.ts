import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of docs/ARCHITECTURE.md is enforced by ESLint. These
 * cases prove the rule bites: each forbidden import, placed in a file of the
 * layer it is forbidden in, must be reported; each allowed one must not.
 */
const eslint = new ESLint();

async function restrictedImports(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

const cases: Array<[layer: string, file: string, importPath: string, allowed: boolean]> = [
  ['shared', 'shared/ipc/x.ts', 'node:fs', false],
  ['shared', 'shared/ipc/x.ts', 'path', false],
  ['shared', 'shared/ipc/x.ts', 'react', false],
  ['shared', 'shared/ipc/x.ts', 'electron', false],
  ['shared', 'shared/ipc/x.ts', '../../electron/core/index', false],
  ['shared', 'shared/ipc/x.ts', '../../renderer/app', false],
  ['shared', 'shared/ipc/x.ts', 'zod', true],
  ['shared', 'shared/ipc/x.ts', '../domain/types', true],
  ['core', 'electron/core/x.ts', 'electron', false],
  ['core', 'electron/core/x.ts', '../main/window', false],
  ['core', 'electron/core/db/x.ts', '../../../renderer/app', false],
  ['core', 'electron/core/x.ts', 'lexical', false],
  ['core', 'electron/core/x.ts', 'node:fs', true],
  ['core', 'electron/core/x.ts', 'better-sqlite3', true],
  ['core', 'electron/core/x.ts', '../../shared/ipc/contract', true],
  ['cli', 'electron/cli/x.ts', 'electron', false],
  ['cli', 'electron/cli/x.ts', '../core/index', true],
  ['main', 'electron/main/x.ts', '../../renderer/app', false],
  ['main', 'electron/main/x.ts', 'electron', true],
  ['main', 'electron/main/x.ts', '../core/index', true],
  ['preload', 'electron/preload/x.ts', '../core/index', false],
  ['preload', 'electron/preload/x.ts', 'node:fs', false],
  ['preload', 'electron/preload/x.ts', 'electron', true],
  ['preload', 'electron/preload/x.ts', '../../shared/ipc/names', true],
  ['renderer', 'renderer/x.ts', 'node:fs', false],
  ['renderer', 'renderer/x.ts', 'fs', false],
  ['renderer', 'renderer/x.ts', 'electron', false],
  ['renderer', 'renderer/x.ts', '../electron/core/index', false],
  ['renderer', 'renderer/x.ts', 'better-sqlite3', false],
  ['renderer', 'renderer/x.ts', 'lexical', true],
  ['renderer', 'renderer/x.ts', '../shared/ipc/contract', true],
];

describe('dependency rule', () => {
  it.each(cases)('%s: %s importing %s (allowed: %s)', async (_layer, file, importPath, allowed) => {
    const count = await restrictedImports(file, `import x from '${importPath}';\nexport default x;\n`);
    expect(count).toBe(allowed ? 0 : 1);
  });
});
