// The package as a user gets it: packed from a clean copy of the sources (no dist/, so `prepack` must
// build it), installed into a temporary prefix, and run from another folder. The install reads the
// runtime dependencies from the npm cache that `npm ci` filled (--prefer-offline).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };

let temp = '';
const folder = (name: string) => join(temp, name);
const installed = () => folder('prefix/lib/node_modules/netdash');
const netdash = () => folder('prefix/bin/netdash');

/** The environment without what npm sets for the script running these tests (its package, its prefix). */
function childEnv(): NodeJS.ProcessEnv {
  const context = /^npm_(?!config_)|^npm_config_(local_prefix|prefix|global_prefix|call)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !context.test(key)));
}

async function npm(args: string[], cwd: string): Promise<void> {
  const logs = ['--logs-dir', folder('npm-logs'), '--no-update-notifier', '--no-audit', '--no-fund'];
  try {
    await run('npm', [...args, ...logs], { cwd, env: childEnv(), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`npm ${args[0]} failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`);
  }
}

/** What a fresh clone holds: the tracked files plus new files not ignored (no dist/, no generated kernel). */
async function copySources(target: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  const files = [...new Set(stdout.split('\0').filter((path) => path !== ''))];
  for (const path of files) {
    if (!existsSync(join(root, path))) continue; // deleted in the work tree, not yet staged
    await mkdir(dirname(join(target, path)), { recursive: true });
    await copyFile(join(root, path), join(target, path));
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'netdash-package-'));
  const source = folder('source');
  await copySources(source);
  expect(existsSync(join(source, 'dist'))).toBe(false);
  // The build tools come from the repository's node_modules, so packing downloads nothing.
  await symlink(join(root, 'node_modules'), join(source, 'node_modules'), 'junction');
  // An earlier tarball lying around must not be shipped inside the next one.
  await writeFile(join(source, 'netdash-0.0.0.tgz'), 'an earlier tarball');
  await mkdir(folder('pack'));
  await npm(['pack', '--pack-destination', folder('pack')], source);
  const tarballs = (await readdir(folder('pack'))).filter((name) => name.endsWith('.tgz'));
  expect(tarballs).toEqual([`netdash-${version}.tgz`]);
  await npm(['install', '--global', '--prefix', folder('prefix'), '--prefer-offline', join(folder('pack'), tarballs[0]!)], temp);
  await mkdir(folder('elsewhere'));
}, 300_000);

afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

describe('the packed and installed package', () => {
  it('holds the compiled program (with the WebAssembly kernel), README and LICENSE, and no sources or tests', async () => {
    expect((await readdir(installed())).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'node_modules', 'package.json']);
    const shipped = await filesUnder(join(installed(), 'dist'));
    expect(shipped).toContain(join('src', 'ui', 'main.js'));
    expect(shipped).toContain(join('src', 'core', 'kernel', 'generated', 'kernelWasm.js'));
    expect(shipped.filter((path) => !path.startsWith(`src${sep}`) || !/\.(js|json)$/.test(path))).toEqual([]);
  });

  it('answers netdash --version from another folder', async () => {
    const { stdout } = await run(netdash(), ['--version'], { cwd: folder('elsewhere') });
    expect(stdout.trim()).toBe(version);
  });

  it('trains from another folder on the installed MNIST copy with the WebAssembly engine, streaming NDJSON start … done', async () => {
    const args = ['train', '--json', '--epochs', '1', '--train-size', '200', '--validation-size', '200', '--engine', 'wasm'];
    const { stdout } = await run(netdash(), args, { cwd: folder('elsewhere') });
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });
    expect(events.map((event) => event.type)).toEqual(['start', 'epoch', 'done']);
    expect(events[0]).toMatchObject({ version, trainingSize: 200, validationSize: 200, engine: 'wasm' });
    expect(String(events[0]!.dataDir).startsWith(installed())).toBe(true);
    expect(events[2]).toMatchObject({ reason: 'completed', epochs: 1 });
    expect(await readdir(folder('elsewhere'))).toEqual([]);
  });
});
