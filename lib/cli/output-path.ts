import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Checks that `file` can be written before any work starts: its directory exists and is writable, and
 * the path is not a directory or an existing read-only file. Does not create the file, so a scan that
 * fails leaves nothing behind.
 */
export async function checkOutputFile(file: string, flag: string): Promise<void> {
  const path = resolve(file);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${flag} "${file}" is a directory; give a file name inside it.`);
  if (existing) {
    await access(path, constants.W_OK).catch((cause: unknown) => {
      throw new UsageError(`${flag} "${file}" exists and is not writable; choose another file or change its permissions.`, { cause });
    });
    return;
  }
  const directory = dirname(path);
  const parent = await stat(directory).catch(() => undefined);
  if (!parent?.isDirectory()) throw new UsageError(`${flag} "${file}": directory ${directory} does not exist; create it first or choose another path.`);
  await access(directory, constants.W_OK).catch((cause: unknown) => {
    throw new UsageError(`${flag} "${file}": directory ${directory} is not writable; choose another path.`, { cause });
  });
}
