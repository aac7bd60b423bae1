// `netdash` with no command: the dashboard (TUI) — only in an interactive terminal. Ink is never
// started with --json or when stdin or stdout is not a TTY (pipes), where it would fail with
// "Raw mode is not supported"; Ink and the dashboard are imported only after that check. In a real
// terminal it draws even when CI is set, and without colours under NO_COLOR (terminal.ts).
import type { Argv, CommandModule } from 'yargs';
import { runCommand } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { runsDirOf } from '../app/runsIndex.js';
import { lastText } from '../app/values.js';

export const dashboardCommand: CommandModule = {
  command: '$0',
  describe: 'open the dashboard (TUI) in an interactive terminal',
  builder: (yargs: Argv) =>
    yargs
      .option('data-dir', {
        describe: 'MNIST-format folder [default: the embedded MNIST]',
        type: 'string',
        requiresArg: true,
        coerce: lastText,
      })
      .option('runs-dir', {
        describe: 'folder of the recorded runs [default: $NETDASH_RUNS_DIR, else ./netdash-runs]',
        type: 'string',
        requiresArg: true,
        coerce: lastText,
      })
      .option('record', {
        describe: 'record each run (docs/runs.md); --no-record keeps nothing [default: true]',
        type: 'boolean',
      })
      .option('json', { type: 'boolean', hidden: true }),
  handler: (argv) =>
    runCommand(async () => {
      if (argv.json || !process.stdin.isTTY || !process.stdout.isTTY) {
        process.stderr.write(
          'netdash: the dashboard needs an interactive terminal (stdin and stdout); ' +
            'use `netdash train` for plain output, or `netdash train --json` for CI\n',
        );
        return EXIT.usage;
      }
      if (argv.runsDir === '') {
        process.stderr.write("netdash: --runs-dir: got ''; expected a folder for the recorded runs, not empty\n");
        return EXIT.usage;
      }
      const runsDir = argv.record === false ? undefined : runsDirOf(argv.runsDir as string | undefined);
      const { prepareInkEnvironment } = await import('./terminal.js');
      const { color } = prepareInkEnvironment(process.env);
      const { runTui } = await import('./index.js');
      return runTui({ dataDir: argv.dataDir as string | undefined, runsDir, color });
    }),
};
