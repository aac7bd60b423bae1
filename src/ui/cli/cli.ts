// The netdash command line: every command registered in one place.
import yargs, { type Argv } from 'yargs';
import { dashboardCommand } from './commands/dashboard.js';
import { evaluateCommand } from './commands/evaluate.js';
import { experimentsCommand } from './commands/experiments.js';
import { LAZY_COMMANDS, lazyCommand } from './commands/lazy.js';
import { trainCommand } from './commands/train.js';
import { configureYargs } from './yargsSetup.js';

export function buildCli(args: string[]): Argv {
  const cli: Argv = configureYargs(yargs(args), args);
  cli
    .usage('netdash [command] [options]\n\nA terminal trainer for chapter 3 of Nielsen\'s "Neural Networks and Deep Learning".')
    .command(dashboardCommand(() => cli.showHelp('log')))
    .command(trainCommand)
    .command(experimentsCommand)
    .command(evaluateCommand);
  // Implemented in src/ui/reproduce and src/ui/bench; imported only when run.
  for (const lazy of LAZY_COMMANDS) cli.command(lazyCommand(lazy));
  return cli.epilogue(
    'Exit codes: 0 success (an early stop too), 1 training failed (diverged, below --fail-under) or internal error, ' +
      '2 bad usage or bad input, 130 interrupted (Ctrl-C). Set NETDASH_DEBUG=1 for stack traces of internal errors.',
  );
}
