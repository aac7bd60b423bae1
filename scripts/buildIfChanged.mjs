#!/usr/bin/env node
// `npm start`'s build step: rebuilds dist/ only when the sources changed since the last build, so
// an unchanged checkout opens the dashboard at once. The stamp is a hash of every file under src/
// (the generated kernel excepted: the build writes it), the TypeScript configs and the lockfile.
// A build says what it is doing, since it takes a while (the kernel, then tsc).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { entry, root, sourceHash, stampFile, writeStamp } from './buildStamp.mjs';

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
writeStamp(digest);
process.stderr.write(`netdash: built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
