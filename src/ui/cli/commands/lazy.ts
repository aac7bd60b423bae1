// Commands implemented in other folders (src/ui/reproduce, src/ui/bench), registered here by name
// and loaded only when run. Each of those modules exports a yargs CommandModule; when invoked, the
// module is imported and the arguments are parsed again with its real builder (its own flags,
// help and examples). A missing module gives a clear message instead of a crash.
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reportError } from '../errors.js';
import { EXIT } from '../exitCodes.js';
import { importOptional } from '../lazyModules.js';
import { configureYargs } from '../yargsSetup.js';

interface LazyCommand {
  name: string;
  describe: string;
  /** Path relative to src/ui/cli/ and the name of the exported CommandModule. */
  module: string;
  exportName: string;
}

export const LAZY_COMMANDS: readonly LazyCommand[] = [
  {
    name: 'reproduce',
    describe: 'rerun the chapter\'s experiments and compare with the book\'s figures',
    module: '../reproduce/index.js',
    exportName: 'reproduceCommand',
  },
  { name: 'bench', describe: 'measure training speed', module: '../bench/index.js', exportName: 'benchCommand' },
];

export function lazyCommand(lazy: LazyCommand): CommandModule {
  return {
    command: lazy.name,
    describe: lazy.describe,
    // Accept anything here: the real module's builder checks the flags (and answers --help).
    builder: (y) => y.help(false).version(false).strict(false),
    handler: async () => {
      const loaded = await importOptional<Record<string, CommandModule | undefined>>(lazy.module);
      const command = loaded?.[lazy.exportName];
      if (!command) {
        const what = loaded ? `does not export ${lazy.exportName}` : 'is missing';
        process.stderr.write(`netdash: the ${lazy.name} command is not available in this build (${lazy.module} ${what})\n`);
        process.exitCode = EXIT.failed;
        return;
      }
      const args = hideBin(process.argv);
      try {
        // The module's handler sets its own exit code.
        await configureYargs(yargs(args), args).command(command).demandCommand(1).parseAsync();
      } catch (error) {
        process.exitCode = reportError(error);
      }
    },
  };
}
