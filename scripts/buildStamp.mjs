// The build stamp: a hash of everything the build reads (src/ without the generated kernel, the
// TypeScript configs, the lockfile), written to dist/ after a build. `npm start` and the tests'
// global setup rebuild only when it no longer matches; the gate's type-check, which emits the same
// dist/, writes it too, so `npm test` compiles the sources once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const stampFile = join(root, 'dist', '.build-stamp');
export const entry = join(root, 'dist', 'src', 'ui', 'main.js');
const SKIPPED = new Set([join(root, 'src', 'core', 'kernel', 'generated')]);

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const path = join(folder, item.name);
    if (SKIPPED.has(path)) return [];
    return item.isDirectory() ? filesUnder(path) : [path];
  });
}

export function sourceHash() {
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

export function writeStamp(digest = sourceHash()) {
  writeFileSync(stampFile, `${digest}\n`);
}
