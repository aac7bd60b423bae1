// The settings every netdash yargs instance shares: the name, version, strict flags, and usage
// errors turned into UsageError (exit 2, one line) instead of yargs printing the whole help.
import type { Argv } from 'yargs';
import { UsageError } from './errors.js';
import { packageVersion } from './version.js';

/** Every command name, for the "see netdash <command> --help" hint. */
export const COMMAND_NAMES: readonly string[] = ['train', 'experiments', 'evaluate', 'reproduce', 'bench', 'sweep', 'worker'];

/**
 * What yargs would misread: a switch's value must be true or false (yargs reads `--json=yes` as false),
 * words after `--` are not taken, and '-' (standard input) is not read.
 */
export function rawArgumentProblems(args: readonly string[], switches: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const end = args.indexOf('--');
  if (end >= 0 && end < args.length - 1) {
    problems.push(`--: got ${args.slice(end + 1).join(' ')}; netdash takes no arguments after --`);
  }
  for (const arg of end >= 0 ? args.slice(0, end) : args) {
    // yargs hands a lone '-' over as an empty string; no netdash command reads standard input.
    if (arg === '-') problems.push('-: standard input is not read by netdash; expected a file path');
    const match = /^--(?:no-)?([^=]+)=(.*)$/s.exec(arg);
    if (match && switches.has(match[1]!) && !['true', 'false'].includes(match[2]!)) {
      problems.push(`--${match[1]}: got ${match[2]}; a switch takes no value (or =true, =false)`);
    }
  }
  return problems;
}

export function configureYargs(yargs: Argv, args: readonly string[]): Argv {
  const command = args[0] !== undefined && COMMAND_NAMES.includes(args[0]) ? ` ${args[0]}` : '';
  return yargs
    .middleware(() => {
      // Runs once the command's own options are known, before its handler.
      // getOptions() is yargs' public API but missing from its type definitions.
      const { boolean } = (yargs as unknown as { getOptions(): { boolean: string[] } }).getOptions();
      const problems = rawArgumentProblems(args, new Set(boolean));
      if (problems.length > 0) throw new UsageError(problems.join('\n'));
    }, true)
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
