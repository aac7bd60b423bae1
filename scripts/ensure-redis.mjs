#!/usr/bin/env node
// Makes sure the tests can start a real Redis (the sweep queue's tests do): finds redis-server on
// the PATH; if it is missing and this runs as root where apt-get exists (CI, the dev container),
// installs Debian's redis-server once; otherwise fails with one line saying how to install it.
// Run by `npm test` (pretest); the queue tests also look for it through findRedisServer().
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_HINT =
  'redis-server is needed by the tests: install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)';

/** The path of redis-server on the PATH, or undefined. */
export function findRedisServer() {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'redis-server');
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function ensureRedis() {
  const found = findRedisServer();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(INSTALL_HINT);
  process.stderr.write('ensure-redis: installing redis-server with apt-get (once)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const installed = findRedisServer();
  if (!installed) throw new Error(`apt-get installed redis-server but it is not on the PATH; ${INSTALL_HINT}`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureRedis();
  } catch (error) {
    process.stderr.write(`ensure-redis: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  }
}
