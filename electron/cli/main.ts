import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveProfileDir } from '../core/lazy';
import { PersistError } from '../../shared/ipc/errors';
import { CliError, EXIT, printJson, usageError, type CliIo, type Command, type ExitCode } from './command';
import { appVersion } from './profile-arg';
import { infoCommand } from './commands/info';
import { searchCommand } from './commands/search';
import { verifyCommand } from './commands/verify';
import { queryCommand } from './commands/query';
import { fitCommand } from './commands/fit';
import { targetCommand } from './commands/target';
import { syncCommand } from './commands/sync';
import { verifyShareCommand } from './commands/verify-share';
import { exportElnCommand } from './commands/export-eln';
import { importElnCommand } from './commands/import-eln';
import { pdfCommand } from './commands/pdf';
import { pdfVerifyCommand } from './commands/pdf-verify';

/** The command table: add a command by adding its file and one line here. */
export const COMMANDS: readonly Command[] = [
  infoCommand,
  verifyCommand,
  searchCommand,
  queryCommand,
  fitCommand,
  targetCommand,
  syncCommand,
  verifyShareCommand,
  exportElnCommand,
  importElnCommand,
  pdfCommand,
  pdfVerifyCommand,
];

const COMMON_OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function commandUsage(command: Command): string {
  return `usage: persist ${command.synopsis}`;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'persist: the Persist lab notebook from the command line (same engine, no window).',
    '',
    'usage: persist COMMAND [options]',
    '       persist help COMMAND',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'common options:',
    '  --profile DIR   the profile folder (default: $PERSIST_PROFILE)',
    '  --json          print exactly one JSON object on stdout',
    '  -h, --help      show help',
    '  --version       print the version',
    '',
    'exit status: 0 ok; 1 a problem was found (broken chain, damaged file);',
    '             2 usage error, missing or refused profile; 3 unexpected error.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const lines = [commandUsage(command), '', command.description, ''];
  const options = [...(command.optionHelp ?? [])];
  if (command.profile !== 'none') options.push('--profile DIR   the profile folder (default: $PERSIST_PROFILE)');
  options.push('--json          print exactly one JSON object on stdout');
  lines.push('options:', ...options.map((o) => `  ${o}`), '');
  return lines.join('\n');
}

/** parseArgs' messages are long and mention internals; keep the first sentence. */
function shortParseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.replace(/\. To specify .*$/, '.') ?? message;
}

function report(io: CliIo, json: boolean, error: CliError, command?: Command): ExitCode {
  if (json) printJson(io, { ok: false, code: error.code, message: error.message });
  io.stderr(`persist: ${error.message}\n`);
  if (error.showUsage) io.stderr(`${command ? commandUsage(command) : 'usage: persist COMMAND [options]'}\n`);
  if (error.showUsage) io.stderr(`Run "persist help${command ? ` ${command.name}` : ''}" for more.\n`);
  return error.exitCode;
}

/** Turns errors from the core into CLI errors with the right exit status. */
function classify(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof PersistError) {
    const exitCode = error.code === 'refused_database' || error.code === 'invalid_input' ? EXIT.usage : EXIT.failed;
    return new CliError(exitCode, error.code, error.message, error.code === 'invalid_input');
  }
  // better-sqlite3 reports a damaged file with these codes: that is a finding, not a bug.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new CliError(EXIT.failed, 'damaged_database', `The database file is damaged: ${(error as Error).message}`);
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new CliError(EXIT.internal, 'internal', `unexpected error: ${detail}`);
}

/**
 * Runs one CLI invocation and returns its exit status. Never throws and never
 * calls process.exit, so it can be driven in-process as well as by the launcher.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  const jsonRequested = argv.includes('--json');
  if (first === undefined || first === '--help' || first === '-h') {
    (first === undefined ? io.stderr : io.stdout)(overview());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version') {
    io.stdout(`${appVersion() ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.stdout(overview());
      return EXIT.ok;
    }
    const target = findCommand(rest[0] ?? '');
    if (!target || rest.length > 1) return report(io, false, usageError(`no such command: ${rest.join(' ')}`));
    io.stdout(commandHelp(target));
    return EXIT.ok;
  }
  const command = findCommand(first);
  if (!command) return report(io, jsonRequested, usageError(`unknown command "${first}"`));

  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return report(io, jsonRequested, usageError(shortParseMessage(error)), command);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const json = values.json === true;
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min) throw usageError(min === 1 ? 'missing argument' : 'missing arguments');
    if (parsed.positionals.length > max) throw usageError(`unexpected argument "${parsed.positionals[max]}"`);
    let profileDir: string | null = null;
    if (command.profile === 'none') {
      if (values.profile !== undefined) throw usageError(`${command.name} takes no --profile`);
    } else if (command.profile === 'optional') {
      // Only an explicit --profile: $PERSIST_PROFILE must not silently turn on a check against a profile.
      if (values.profile === '') throw usageError('--profile needs a folder');
      if (typeof values.profile === 'string')
        profileDir = resolveProfileDir({ argv: ['--profile', values.profile], env: {} });
    } else {
      if (values.profile === '') throw usageError('--profile needs a folder');
      const flag = typeof values.profile === 'string' ? ['--profile', values.profile] : [];
      profileDir = resolveProfileDir({ argv: flag, env: io.env });
      if (!profileDir) throw usageError('no profile given: use --profile DIR or set PERSIST_PROFILE');
    }
    return await command.run({ values, positionals: parsed.positionals, profileDir, json, io });
  } catch (error) {
    return report(io, json, classify(error), command);
  }
}
