// Small file helpers for saved networks and reports. Writes are atomic (a crash never leaves a
// half-written file behind) and only ever replace regular files; reads take regular files only, up to
// a size limit, and never block on a FIFO. Every failure is a one-line DataError.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { DataError, describeFsError, errorCode } from './errors.js';

/** The longest file name (bytes) Linux file systems take. */
export const NAME_MAX_BYTES = 255;
/** Symbolic links followed at most (as the kernel's ELOOP limit). */
const MAX_LINKS = 40;
/** Temp files start with the target's name cut to this many bytes, so the whole name always fits. */
const TEMP_BASE_BYTES = 200;
const TEMP_NAME = /^\.(.*)\.(\d+)\.[0-9a-f]{12}\.tmp$/s;

/** What a non-regular file is, for messages: "a folder", "a device", ... */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return stats.isFile() ? 'a file' : 'not a regular file';
}

function emptyNameError(): DataError {
  return new DataError("''", 'empty file name; expected the path of a file');
}

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

function tempPathFor(target: string): string {
  const base = cutToBytes(basename(target), TEMP_BASE_BYTES);
  return join(dirname(target), `.${base}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Removes temp files of `target` left by writers that died mid-save (kill -9). Best effort. */
function removeStaleTemps(target: string): void {
  const base = cutToBytes(basename(target), TEMP_BASE_BYTES);
  try {
    for (const name of readdirSync(dirname(target))) {
      const match = TEMP_NAME.exec(name);
      if (match && match[1] === base && Number(match[2]) !== process.pid && !isAlive(Number(match[2]))) {
        unlinkSync(join(dirname(target), name));
      }
    }
  } catch {
    // A stale temp file is litter, not a failure of this save.
  }
}

/**
 * The file a write to `path` lands in: symbolic links are followed (the link stays, its target is
 * written). `existing` is the target's stats when it exists. Throws for anything but a regular file.
 */
function writeTarget(path: string): { target: string; existing?: Stats } {
  if (path === '') throw emptyNameError();
  let target = resolve(path);
  for (let links = 0; links <= MAX_LINKS; links++) {
    const nameBytes = Buffer.byteLength(basename(target));
    if (nameBytes > NAME_MAX_BYTES)
      throw new DataError(path, `file name is ${nameBytes} bytes; at most ${NAME_MAX_BYTES} allowed`);
    let stats: Stats;
    try {
      stats = lstatSync(target);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return { target };
      throw new DataError(path, `cannot write: ${describeFsError(error)}`, { cause: error });
    }
    if (stats.isSymbolicLink()) {
      target = resolve(dirname(target), readlinkSync(target));
      continue;
    }
    if (!stats.isFile()) throw new DataError(path, `is ${kindOf(stats)}; expected a regular file (or a new file name)`);
    return { target, existing: stats };
  }
  throw new DataError(path, `more than ${MAX_LINKS} symbolic links; expected a file`);
}

/** Why no file can be created in `folder`, or undefined when it can (probed with a temp file). */
function folderProblem(folder: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOTDIR') return `${nearestFile(folder)} is a file, not a folder`;
    if (errorCode(error) === 'ENOENT') return `folder ${folder} does not exist`;
    return `folder ${folder}: ${describeFsError(error)}`;
  }
  if (!stats.isDirectory()) return `${folder} is ${kindOf(stats)}, not a folder`;
  const probe = tempPathFor(join(folder, 'probe'));
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return undefined;
  } catch (error) {
    // procfs answers ENOENT for a file it will never hold.
    const reason = errorCode(error) === 'ENOENT' ? 'does not accept new files' : `is not writable (${describeFsError(error)})`;
    return `folder ${folder} ${reason}`;
  }
}

/** The first ancestor of `path` that exists and is not a folder. */
function nearestFile(path: string): string {
  const { root } = parse(path);
  let current = root;
  for (const part of path.slice(root.length).split('/').filter(Boolean)) {
    current = join(current, part);
    try {
      if (!statSync(current).isDirectory()) return current;
    } catch {
      return current;
    }
  }
  return path;
}

/**
 * Why `path` cannot be saved to, checked before any work is done (so a long run never ends in a
 * failed save), or undefined when it can: the name fits, the folder exists and takes new files, and
 * an existing file there is a regular file. Phrased to follow "got PATH; ".
 */
export function saveTargetProblem(path: string): string | undefined {
  if (path === '') return 'must be a file path, not empty';
  let target: string;
  try {
    target = writeTarget(path).target;
  } catch (error) {
    return error instanceof DataError ? error.message.slice(error.file.length + 2) : String(error);
  }
  return folderProblem(dirname(target));
}

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

/**
 * Writes `content` (text as UTF-8, bytes, or chunks of bytes in order) to `path` via a synced temp file in the same folder and a rename. A symbolic
 * link is written through to its target; an existing file keeps its mode (and owner, where allowed);
 * devices, FIFOs, sockets and folders are refused. `sync: false` skips the fsyncs: still atomic for a
 * killed process (the rename is), not across a power cut; for files rewritten many times a second.
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array | readonly Uint8Array[],
  options: { sync?: boolean } = {},
): void {
  const sync = options.sync ?? true;
  const { target, existing } = writeTarget(path);
  const folder = dirname(target);
  const tempPath = tempPathFor(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tempPath, 'wx'); // 'wx': never clobber another writer's temp file
    created = true;
    if (existing) {
      fchmodSync(fd, existing.mode & 0o7777);
      try {
        fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // Only root or the owner may keep another owner; the content matters more.
      }
    }
    if (Array.isArray(content)) writeChunks(fd, content as readonly Uint8Array[]);
    else writeFileSync(fd, content as string | Uint8Array, 'utf8');
    if (sync) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tempPath, target);
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
    throw new DataError(path, `cannot write: ${folderProblem(folder) ?? describeFsError(error)}`, { cause: error });
  }
  if (sync) fsyncFolder(folder);
  removeStaleTemps(target);
}

/** Writes the chunks one after the other (no concatenated copy of a large file in memory). */
function writeChunks(fd: number, chunks: readonly Uint8Array[]): void {
  for (const chunk of chunks) {
    for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done, chunk.length - done);
  }
}

/**
 * Reads a regular file whole. Devices, FIFOs, sockets and folders are refused without reading (a FIFO
 * is opened non-blocking, so nothing waits for a writer), and so are files above `maxBytes`.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  if (path === '') throw emptyNameError();
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new DataError(path, `is ${kindOf(stats)}; expected a regular file`);
    if (stats.size > maxBytes) {
      throw new DataError(path, `file is ${megabytes(stats.size)}; at most ${megabytes(maxBytes)} allowed`);
    }
    const buffer = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const problem = errorCode(error) === 'ENOENT' ? 'file not found' : `cannot read: ${describeFsError(error)}`;
    throw new DataError(path, problem, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(bytes < 1024 ** 2 ? 3 : 0)} MB`;
}

/** Reads a UTF-8 text file (regular files only, at most `maxBytes`); one-line DataError on failure. */
export function readTextFile(path: string, maxBytes: number): string {
  return readRegularFile(path, maxBytes).toString('utf8');
}

/**
 * Creates `path` and its missing parents one level at a time (Node's recursive mkdir can loop
 * forever under /proc), then checks that files can be created in it.
 */
export function makeFolder(path: string): void {
  if (path === '') throw emptyNameError();
  const absolute = resolve(path);
  const { root } = parse(absolute);
  let current = root;
  for (const part of absolute.slice(root.length).split('/').filter(Boolean)) {
    current = join(current, part);
    let stats: Stats | undefined;
    try {
      stats = statSync(current);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        throw new DataError(current, `cannot use as a folder: ${describeFsError(error)}`, { cause: error });
      }
    }
    if (stats && !stats.isDirectory()) throw new DataError(current, `exists and is ${kindOf(stats)}, not a folder`);
    if (stats) continue;
    try {
      mkdirSync(current);
    } catch (error) {
      if (errorCode(error) === 'EEXIST' && statSync(current).isDirectory()) continue; // made meanwhile
      const reason = errorCode(error) === 'ENOENT' ? 'this file system does not accept new folders here' : describeFsError(error);
      throw new DataError(current, `cannot create the folder: ${reason}`, { cause: error });
    }
  }
  const problem = folderProblem(absolute);
  if (problem) throw new DataError(absolute, problem);
}
