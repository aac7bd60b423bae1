#!/usr/bin/env node
// Entry of `netdash` (package.json "bin", `npm start`) and the one place that knows every front
// end: it registers the command of each (cli, tui, reproduce, bench). Front ends never import each
// other; each command loads its heavy parts (Ink, worker pools) only when it runs.
// Everything that can go wrong ends as one line on stderr and a documented exit code, never a stack.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { createBenchCommand } from './bench/command.js';
import { evaluateCommand } from './cli/commands/evaluate.js';
import { experimentsCommand } from './cli/commands/experiments.js';
import { inspectCommand } from './cli/commands/inspect.js';
import { predictCommand } from './cli/commands/predict.js';
import { runsCommand } from './cli/commands/runs.js';
import { trainCommand } from './cli/commands/train.js';
import { reportError } from './app/errors.js';
import { EXIT_HELP } from './app/exitCodes.js';
import { installShutdownHandlers } from './app/shutdown.js';
import { configureYargs } from './app/yargsSetup.js';
import { reproduceCommand } from './reproduce/command.js';
import { dashboardCommand } from './tui/command.js';
import { sweepCommand } from './sweep/command.js';
import { workerCommand } from './sweep/workerCommand.js';

export function buildCli(args: string[]): Argv {
  const cli: Argv = configureYargs(yargs(args), args);
  return cli
    .usage('netdash [command] [options]\n\nA terminal trainer for chapter 3 of Nielsen\'s "Neural Networks and Deep Learning".')
    .command(dashboardCommand)
    .command(trainCommand)
    .command(experimentsCommand)
    .command(evaluateCommand)
    .command(inspectCommand)
    .command(predictCommand)
    .command(runsCommand)
    .command(reproduceCommand)
    .command(
      // The dashboard's frame time joins the bench through here: bench may not import the dashboard.
      createBenchCommand({ dashboardFrames: async () => (await import('./tui/perf/frameTime.js')).measureDashboardFrames() }),
    )
    .command(sweepCommand)
    .command(workerCommand)
    .epilogue(EXIT_HELP);
}

installShutdownHandlers();

const args = hideBin(process.argv);
try {
  await buildCli(args).parseAsync();
} catch (error) {
  process.exitCode = reportError(error);
}
