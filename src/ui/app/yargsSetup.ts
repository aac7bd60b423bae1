// The settings every netdash yargs instance shares: the name, version, strict flags, and usage
// errors turned into UsageError (exit 2, one line) instead of yargs printing the whole help.
import type { Argv } from 'yargs';
import { UsageError } from './errors.js';
import { packageVersion } from './version.js';

/** Every command name, for the "see netdash <command> --help" hint. */
export const COMMAND_NAMES: readonly string[] = ['train', 'experiments', 'evaluate', 'reproduce', 'bench'];

export function configureYargs(yargs: Argv, args: readonly string[]): Argv {
  const command = args[0] !== undefined && COMMAND_NAMES.includes(args[0]) ? ` ${args[0]}` : '';
  return yargs
    .scriptName('netdash')
    .version(packageVersion())
    .help()
    .alias('help', 'h')
    .strict()
    .wrap(Math.min(110, yargs.terminalWidth()))
    .fail((message, error) => {
      // A command handler's own error passes through; yargs' usage errors become one line.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(`${message ?? error?.message ?? 'bad usage'} (see netdash${command} --help)`);
    });
}
