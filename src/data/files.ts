// Small file helpers for saved runs and reports: atomic writes (a crash never leaves a half-written
// file behind) and reads that fail with a one-line DataError.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError, describeFsError, errorCode } from './errors.js';

function fsyncFolder(folder: string): void {
  // Makes the rename itself durable; not supported everywhere (Windows), hence best effort.
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // The file content is already synced; losing only the rename on a crash is acceptable.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `content` (UTF-8) to `path` via a synced temp file in the same folder and a rename. */
export function writeFileAtomic(path: string, content: string): void {
  const folder = dirname(path);
  const tempPath = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tempPath, 'wx'); // 'wx': never clobber another writer's temp file
    created = true;
    writeFileSync(fd, content, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tempPath, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing; the original error is the one worth reporting.
      }
    }
    if (created) {
      try {
        unlinkSync(tempPath);
      } catch {
        // Renamed already or gone; nothing left to clean.
      }
    }
    const problem =
      errorCode(error) === 'ENOENT' ? `cannot write: folder ${folder} does not exist` : `cannot write: ${describeFsError(error)}`;
    throw new DataError(path, problem, { cause: error });
  }
  fsyncFolder(folder);
}

/** Reads a UTF-8 text file; DataError "file not found" or "cannot read: …" on failure. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const problem = errorCode(error) === 'ENOENT' ? 'file not found' : `cannot read: ${describeFsError(error)}`;
    throw new DataError(path, problem, { cause: error });
  }
}
