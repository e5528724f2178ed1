import fs from 'node:fs';
import { databasePath, openProfile, type CoreContext } from '../core/lazy';
import { CliError, EXIT } from './command';

/** Reads the app version from package.json; the CLI ships beside it. */
export function appVersion(): string | undefined {
  try {
    const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** True when the profile folder already holds a (non-empty) Persist database file. */
export function profileExists(profileDir: string): boolean {
  try {
    return fs.statSync(databasePath(profileDir)).size > 0;
  } catch {
    return false;
  }
}

/**
 * Opens a profile that must already exist. Checking first matters: the core's
 * openProfile creates what is missing, and a check such as `verify` run with
 * a mistyped path must report it, not leave a fresh empty profile behind.
 */
export function openExistingProfile(profileDir: string): CoreContext {
  if (!fs.existsSync(profileDir)) {
    throw new CliError(EXIT.usage, 'no_profile', `No Persist profile at ${profileDir}: the folder does not exist.`);
  }
  if (!profileExists(profileDir)) {
    const file = databasePath(profileDir);
    const why = fs.existsSync(file) ? `its database file ${file} is empty` : `it has no database file (${file})`;
    throw new CliError(EXIT.usage, 'no_profile', `No Persist profile at ${profileDir}: ${why}.`);
  }
  return openProfile(profileDir, { seed: false, appVersion: appVersion() });
}
