import fsp from 'node:fs/promises';
import path from 'node:path';
import { PersistError } from '../../../shared/ipc/errors';

/** True when `inner` is `outer` or lies somewhere below it. */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realOrSelf(p: string): Promise<string> {
  return fsp.realpath(p).catch(() => p);
}

/**
 * Checks a folder a person typed or picked before it becomes a sync target:
 * a full path, to a folder that exists (Persist never creates a share's
 * root), and not inside Persist's own profile folder (a "backup" there is
 * lost with the profile). Returns the normalised path; refuses with words.
 */
export async function checkTargetFolder(input: string, profileDir: string): Promise<string> {
  const typed = input.trim();
  if (typed === '') throw new PersistError('invalid_input', 'Type the full path of the shared folder.');
  if (!path.isAbsolute(typed)) {
    throw new PersistError(
      'invalid_input',
      `"${typed}" is not a full path. Give the whole path of the shared folder, starting with ${process.platform === 'win32' ? 'a drive letter such as D:\\ or \\\\server\\share' : '/'}.`,
    );
  }
  const location = path.resolve(typed);
  let stat;
  try {
    stat = await fsp.stat(location);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new PersistError(
        'not_found',
        `The folder ${location} does not exist. Mount the share or create the folder first; Persist never creates it.`,
      );
    }
    throw new PersistError('invalid_input', `The folder ${location} cannot be opened (${code ?? 'unknown error'}).`);
  }
  if (!stat.isDirectory()) {
    throw new PersistError('invalid_input', `${location} is a file, not a folder. Choose the folder that holds it.`);
  }
  const [real, profile] = await Promise.all([realOrSelf(location), realOrSelf(path.resolve(profileDir))]);
  if (isWithin(real, profile)) {
    throw new PersistError(
      'invalid_input',
      `${location} is inside Persist's own profile folder. Choose a folder on the shared storage instead: a copy next to the profile is lost with it.`,
    );
  }
  return location;
}
