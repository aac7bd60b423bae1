// Saving onto and reading from things that are not regular files: devices, FIFOs, sockets, folders,
// symbolic links, over-long names. Every special file is made inside the test's own temp folder
// (a device node with mknod, as root), never under /dev, /proc or /sys.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolder, readRegularFile, saveTargetProblem, writeFileAtomic } from '../../src/data/files.js';
import { loadNetwork } from '../../src/data/modelFile.js';
import { dataError, makeTempDir, type TempDir } from './idxFixtures.js';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function fifo(name: string): string {
  const path = join(dir.path, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** A character device equal to /dev/null (major 1, minor 3), inside the temp folder. */
function nullDevice(name: string): string {
  const path = join(dir.path, name);
  execFileSync('mknod', [path, 'c', '1', '3']);
  return path;
}

async function socket(name: string): Promise<{ path: string; server: Server }> {
  const path = join(dir.path, name);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return { path, server };
}

describe('writeFileAtomic onto what is not a regular file', () => {
  it('refuses a device, a FIFO and a socket and leaves each as it was', async () => {
    const device = nullDevice('null');
    const pipe = fifo('pipe');
    const { path: sock, server } = await socket('sock');
    try {
      expect(dataError(() => writeFileAtomic(device, 'x')).message).toBe(
        `${device}: is a device; expected a regular file (or a new file name)`,
      );
      expect(dataError(() => writeFileAtomic(pipe, 'x')).message).toMatch(/is a named pipe \(FIFO\); expected a regular file/);
      expect(dataError(() => writeFileAtomic(sock, 'x')).message).toMatch(/is a socket; expected a regular file/);
      expect(statSync(device).isCharacterDevice()).toBe(true);
      expect(statSync(pipe).isFIFO()).toBe(true);
      expect(statSync(sock).isSocket()).toBe(true);
      expect(readdirSync(dir.path).sort()).toEqual(['null', 'pipe', 'sock']);
    } finally {
      server.close();
    }
  });

  it('writes through a symbolic link to its target and keeps the link', () => {
    const target = join(dir.path, 'real.json');
    writeFileSync(target, 'old');
    const link = join(dir.path, 'link.json');
    symlinkSync('real.json', link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('creates the target of a dangling link', () => {
    const link = join(dir.path, 'link.json');
    symlinkSync('made.json', link);
    writeFileAtomic(link, 'made');
    expect(readFileSync(join(dir.path, 'made.json'), 'utf8')).toBe('made');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('keeps the mode of an existing file', () => {
    const target = join(dir.path, 'secret.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('saves under a long but valid name (245 characters) and refuses one over 255 bytes', () => {
    const long = join(dir.path, `${'n'.repeat(240)}.json`);
    writeFileAtomic(long, 'ok');
    expect(readFileSync(long, 'utf8')).toBe('ok');
    expect(readdirSync(dir.path)).toHaveLength(1);
    const tooLong = join(dir.path, `${'n'.repeat(256)}.json`);
    expect(dataError(() => writeFileAtomic(tooLong, 'x')).message).toBe(
      `${tooLong}: file name is 261 bytes; at most 255 allowed`,
    );
  });

  it('removes temp files that a killed writer left behind', () => {
    const target = join(dir.path, 'net.json');
    // pid 2^22 + 1 is above Linux's pid_max limit, so no process can hold it.
    const stale = join(dir.path, `.net.json.${2 ** 22 + 1}.0123456789ab.tmp`);
    const other = join(dir.path, `.other.json.${2 ** 22 + 1}.0123456789ab.tmp`);
    writeFileSync(stale, 'half');
    writeFileSync(other, 'half');
    writeFileAtomic(target, 'whole');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true); // another file's temp is not ours to judge
  });

  it('refuses an empty name', () => {
    expect(dataError(() => writeFileAtomic('', 'x')).message).toBe("'': empty file name; expected the path of a file");
  });
});

describe('saveTargetProblem, checked before training', () => {
  it('accepts a new or existing regular file in a writable folder', () => {
    expect(saveTargetProblem(join(dir.path, 'new.json'))).toBeUndefined();
    writeFileSync(join(dir.path, 'old.json'), '{}');
    expect(saveTargetProblem(join(dir.path, 'old.json'))).toBeUndefined();
    expect(readdirSync(dir.path)).toEqual(['old.json']); // the probe leaves nothing
  });

  it('names the true reason for each bad destination', () => {
    writeFileSync(join(dir.path, 'somefile'), '');
    mkdirSync(join(dir.path, 'folder'));
    const pipe = fifo('pipe');
    expect(saveTargetProblem('')).toBe('must be a file path, not empty');
    expect(saveTargetProblem(join(dir.path, 'somefile', 'x.json'))).toBe(`${join(dir.path, 'somefile')} is a file, not a folder`);
    expect(saveTargetProblem(join(dir.path, 'missing', 'x.json'))).toBe(`folder ${join(dir.path, 'missing')} does not exist`);
    expect(saveTargetProblem(join(dir.path, 'folder'))).toBe('is a folder; expected a regular file (or a new file name)');
    expect(saveTargetProblem(pipe)).toBe('is a named pipe (FIFO); expected a regular file (or a new file name)');
    expect(saveTargetProblem(join(dir.path, `${'n'.repeat(300)}`))).toBe('file name is 300 bytes; at most 255 allowed');
  });
});

describe('readRegularFile', () => {
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const pipe = fifo('pipe');
    expect(dataError(() => readRegularFile(pipe, 100)).message).toBe(`${pipe}: is a named pipe (FIFO); expected a regular file`);
  });

  it('refuses a device without reading it', () => {
    const device = nullDevice('zero');
    expect(dataError(() => readRegularFile(device, 100)).message).toBe(`${device}: is a device; expected a regular file`);
  });

  it('refuses a file above the limit and an empty name', () => {
    const big = join(dir.path, 'big');
    writeFileSync(big, Buffer.alloc(2 * 1024 ** 2));
    expect(dataError(() => readRegularFile(big, 1024 ** 2)).message).toBe(`${big}: file is 2 MB; at most 1 MB allowed`);
    expect(readRegularFile(big, 2 * 1024 ** 2)).toHaveLength(2 * 1024 ** 2);
    expect(dataError(() => readRegularFile('', 10)).message).toMatch(/empty file name/);
  });
});

describe('makeFolder', () => {
  it('creates missing parents one by one', () => {
    const nested = join(dir.path, 'a', 'b', 'c');
    makeFolder(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
    makeFolder(nested); // already there: fine
  });

  it('names a file in the way', () => {
    writeFileSync(join(dir.path, 'file'), '');
    const error = dataError(() => makeFolder(join(dir.path, 'file', 'out')));
    expect(error.message).toBe(`${join(dir.path, 'file')}: exists and is a file, not a folder`);
  });
});

describe('loadNetwork', () => {
  it('refuses an empty name, standard input and a FIFO, each in one line', () => {
    const pipe = fifo('net.json');
    expect(dataError(() => loadNetwork('')).message).toBe("'': empty file name; expected the path of a file");
    expect(dataError(() => loadNetwork('-')).message).toBe(
      '-: reading a network from standard input is not supported; expected the path of a network file',
    );
    expect(dataError(() => loadNetwork(pipe)).message).toBe(`${pipe}: is a named pipe (FIFO); expected a regular file`);
  });
});
