#!/usr/bin/env node
// The static half of `npm test`: type-check (src and tests), lint, the layer rule and the formatting,
// run side by side (they are independent) so the gate costs the longest of them, not their sum.
// The type-check also emits dist/ (the same files as `npm run build`, plus the compiled tests) and
// stamps it, so the tests' global setup does not compile the sources a second time.
// Prints the output of every check that failed and exits 1 if any did.
import { spawn } from 'node:child_process';
import { sourceHash, writeStamp } from './buildStamp.mjs';

const CHECKS = [
  ['typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', 'dist']],
  ['lint', 'eslint', ['--max-warnings', '0', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']],
  ['lint:deps', 'depcruise', ['src', 'test', '--config', '.dependency-cruiser.cjs']],
  ['format:check', 'prettier', ['--check', '--log-level', 'warn', '.']],
];

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// The generated kernel module must exist before tsc and depcruise read the sources.
const kernel = await run('node', ['src/core/kernel/buildKernel.mjs']);
if (kernel.code !== 0) {
  process.stderr.write(kernel.output);
  process.exit(1);
}
const digest = sourceHash(); // before tsc writes, so a source edited meanwhile is not stamped as built
const started = performance.now();
const results = await Promise.all(CHECKS.map(async ([name, command, args]) => ({ name, ...(await run(command, args)) })));
const failed = results.filter((result) => result.code !== 0);
if (results[0].code === 0) writeStamp(digest);
for (const { name, output } of failed) process.stderr.write(`\n✗ ${name} failed:\n${output}`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const names = results.map((result) => `${result.name} ${result.code === 0 ? '✓' : '✗'}`).join(' · ');
process.stdout.write(`gate: ${names} (${seconds} s)\n`);
process.exit(failed.length > 0 ? 1 : 0);
