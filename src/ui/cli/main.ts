#!/usr/bin/env node
// Entry of `netdash` (package.json "bin", `npm start`). Everything that can go wrong ends as one
// line on stderr and a documented exit code (see exitCodes.ts), never a stack trace.
import { hideBin } from 'yargs/helpers';
import { buildCli } from './cli.js';
import { reportError } from './errors.js';

// `netdash train --json | head -1`: the reader left; stop quietly instead of an EPIPE stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const args = hideBin(process.argv);
try {
  await buildCli(args).parseAsync();
} catch (error) {
  process.exitCode = reportError(error);
}
