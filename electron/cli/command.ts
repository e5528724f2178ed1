import type { ParseArgsConfig } from 'node:util';

/** Exit codes shared by every command (documented in `persist --help`). */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem (a broken hash chain, a damaged file). */
  failed: 1,
  /** Bad arguments, or a profile that is missing or refused: nothing was checked. */
  usage: 2,
  /** A bug: something unexpected went wrong. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes; injected so tests and other hosts can capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** What the command table hands a command after generic parsing. */
export interface CommandInput {
  values: OptionValues;
  positionals: string[];
  /** Resolved from --profile or PERSIST_PROFILE; null when the command takes none. */
  profileDir: string | null;
  json: boolean;
  io: CliIo;
}

/**
 * One row of the command table. main.ts parses arguments generically from
 * this description, so a new command (query, fit, pdf, sync, export-eln…) is
 * one new file plus one line in the table.
 */
export interface Command {
  name: string;
  summary: string;
  /** Synopsis without the leading "persist ", e.g. "search --profile DIR QUERY…". */
  synopsis: string;
  /** Longer help text shown by `persist help NAME`. */
  description: string;
  /** Options beyond the common ones (--profile, --json, --help). */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Help lines for the command's own options, e.g. ["--limit N   at most N hits"]. */
  optionHelp?: string[];
  /**
   * Whether the command needs a profile: 'create' opens or creates one,
   * 'existing' refuses to create one, 'none' takes no --profile at all,
   * 'optional' uses one only when --profile is given (pdf-verify).
   */
  profile: 'create' | 'existing' | 'none' | 'optional';
  positionals: { min: number; max: number };
  run: (input: CommandInput) => Promise<ExitCode> | ExitCode;
}

/**
 * An expected failure with a stable code: reported as one line (plus usage
 * for usage errors) or as one JSON object, never as a stack trace.
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly code: string,
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, 'usage', message, true);
}

/** Prints exactly one JSON object on stdout (the contract of --json). */
export function printJson(io: CliIo, value: Record<string, unknown>): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned "label   value" lines, for readable plain-text reports. */
export function formatPairs(pairs: ReadonlyArray<readonly [string, string | number]>): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n') + '\n';
}
