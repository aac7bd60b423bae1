import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, writeFileAtomic } from '../../src/data/files.js';
import { makeTempDir, type TempDir, dataError } from './idxFixtures.js';

describe('writeFileAtomic', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('writes the content and leaves no temp file', () => {
    const target = join(dir.path, 'run.json');
    writeFileAtomic(target, '{"η": 0.5}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"η": 0.5}\n');
    expect(readdirSync(dir.path)).toEqual(['run.json']);
  });

  it('replaces an existing file', () => {
    const target = join(dir.path, 'report.md');
    writeFileSync(target, 'old content that is longer');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir.path)).toEqual(['report.md']);
  });

  it('fails with a DataError and creates nothing when the folder is missing', () => {
    const target = join(dir.path, 'missing', 'run.json');
    const error = dataError(() => writeFileAtomic(target, 'x'));
    expect(error.file).toBe(target);
    expect(error.message).toBe(`${target}: cannot write: folder ${join(dir.path, 'missing')} does not exist`);
    expect(existsSync(join(dir.path, 'missing'))).toBe(false);
    expect(readdirSync(dir.path)).toEqual([]);
  });

  it('refuses a folder as the target and leaves it and no temp file', () => {
    const target = join(dir.path, 'occupied');
    mkdirSync(join(target, 'child'), { recursive: true });
    const error = dataError(() => writeFileAtomic(target, 'x'));
    expect(error.message).toBe(`${target}: is a folder; expected a regular file (or a new file name)`);
    expect(readdirSync(dir.path)).toEqual(['occupied']);
    expect(readdirSync(target)).toEqual(['child']);
  });
});

describe('readTextFile', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('reads UTF-8 text', () => {
    const path = join(dir.path, 'a.txt');
    writeFileSync(path, 'λ = 5.0');
    expect(readTextFile(path, 100)).toBe('λ = 5.0');
  });

  it('reports a missing file and a folder', () => {
    const missing = join(dir.path, 'none.txt');
    expect(dataError(() => readTextFile(missing, 100)).message).toBe(`${missing}: file not found`);
    expect(dataError(() => readTextFile(dir.path, 100)).message).toBe(`${dir.path}: is a folder; expected a regular file`);
  });
});
