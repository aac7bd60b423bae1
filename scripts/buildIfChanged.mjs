#!/usr/bin/env node
// `npm start`'s build step: rebuilds dist/ only when the sources changed since the last build, so
// an unchanged checkout opens the dashboard at once. The stamp is a hash of every file under src/
// (the generated kernel excepted: the build writes it), the TypeScript configs and the lockfile.
// A build says what it is doing, since it takes a while (the kernel, then tsc).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', '.build-stamp');
const entry = join(root, 'dist', 'src', 'ui', 'main.js');
const SKIPPED = new Set([join(root, 'src', 'core', 'kernel', 'generated')]);

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const path = join(folder, item.name);
    if (SKIPPED.has(path)) return [];
    return item.isDirectory() ? filesUnder(path) : [path];
  });
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((name) => join(root, name)),
  ];
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    hash.update(`${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const digest = sourceHash();
if (existsSync(entry) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest) process.exit(0);

const started = Date.now();
process.stderr.write(
  `netdash: building dist/ (${existsSync(entry) ? 'the sources changed' : 'first start'}): the WebAssembly kernel, then TypeScript; ` +
    'this takes 10–60 s, later starts skip it while nothing changes…\n',
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.stderr.write('netdash: the build failed (see above); fix it and run `npm start` again\n');
  process.exit(build.status ?? 1);
}
writeFileSync(stampFile, `${digest}\n`);
process.stderr.write(`netdash: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
