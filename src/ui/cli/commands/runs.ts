// `netdash runs [list]`, `runs show RUN`, `runs compare RUN RUN...`, `runs rm RUN...`: the recorded
// runs of the runs folder (--runs-dir, $NETDASH_RUNS_DIR, ./netdash-runs). RUN is a run folder or a
// unique prefix of a run's name.
import { createInterface } from 'node:readline/promises';
import type { Argv, CommandModule } from 'yargs';
import { UsageError, runCommand } from '../../app/errors.js';
import { EXIT } from '../../app/exitCodes.js';
import { findRun, listRuns, readRunDetails, removalProblem, removeRun, runsDirOf } from '../../app/runsIndex.js';
import { lastText } from '../../app/values.js';
import { processIo, type Io } from '../output/reporter.js';
import { compareCsv, compareText, listText, runJson, showText } from '../runsText.js';

export interface RunsArgs {
  action?: string;
  runs?: string[];
  runsDir?: string;
  json?: boolean;
  csv?: boolean;
  yes?: boolean;
}

const ACTIONS = ['list', 'show', 'compare', 'rm'] as const;

/** Asks on the terminal; resolves true for y/yes. */
async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

export interface RunsIo extends Io {
  /** Asks before deleting (a terminal); undefined: do not ask. */
  confirm?: (question: string) => Promise<boolean>;
  columns?: number;
}

/** The runs command; resolves with its exit code. */
export async function runRuns(args: RunsArgs, io: RunsIo): Promise<number> {
  const action = args.action ?? 'list';
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(`runs: got ${action}; must be one of ${ACTIONS.join(', ')} (or nothing, to list)`);
  }
  const runsDir = runsDirOf(args.runsDir);
  const refs = args.runs ?? [];
  if (action === 'list') {
    if (refs.length > 0) throw new UsageError(`runs: got ${refs.join(' ')}; the list takes no RUN (try runs show RUN)`);
    const { runs, warnings } = listRuns(runsDir);
    for (const warning of warnings) io.stderr.write(`netdash: ${warning}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify(runs.map(runJson))}\n`);
    else if (runs.length === 0) io.stderr.write(`netdash: no runs recorded in ${runsDir}\n`);
    else io.stdout.write(listText(runs));
    return EXIT.ok;
  }
  const counts = { show: [1, 1], compare: [2, Infinity], rm: [1, Infinity] } as const;
  const [min, max] = counts[action as keyof typeof counts];
  if (refs.length < min || refs.length > max) {
    const wanted = min === max ? 'one RUN' : `${min === 1 ? 'one' : 'two'} or more RUNs`;
    throw new UsageError(`runs ${action}: got ${refs.length} RUN${refs.length === 1 ? '' : 's'}; takes ${wanted}`);
  }
  const dirs = [...new Set(refs.map((ref) => findRun(runsDir, ref)))];
  if (action === 'show') {
    const run = readRunDetails(dirs[0]!);
    io.stdout.write(args.json ? `${JSON.stringify({ ...runJson(run), epochs: run.rows })}\n` : showText(run));
    return EXIT.ok;
  }
  if (action === 'compare') {
    const runs = dirs.map(readRunDetails);
    const color = Boolean(io.stdout.isTTY) && process.env.NO_COLOR === undefined;
    io.stdout.write(args.csv ? compareCsv(runs) : compareText(runs, { color, width: io.columns ?? 80 }));
    return EXIT.ok;
  }
  return removeRuns(runsDir, dirs, args.yes ?? false, io);
}

async function removeRuns(runsDir: string, dirs: string[], yes: boolean, io: RunsIo): Promise<number> {
  const problems = dirs.flatMap((dir) => {
    const problem = removalProblem(runsDir, dir);
    return problem === undefined ? [] : [`runs rm: ${dir} ${problem}; nothing deleted`];
  });
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  if (!yes && io.confirm) {
    const question = `delete ${dirs.length === 1 ? 'run' : `${dirs.length} runs`} ${dirs.join(', ')}? [y/N] `;
    if (!(await io.confirm(question))) {
      io.stderr.write('netdash: nothing deleted\n');
      return EXIT.ok;
    }
  }
  for (const dir of dirs) {
    removeRun(dir);
    io.stderr.write(`netdash: deleted ${dir}\n`);
  }
  return EXIT.ok;
}

export const runsCommand: CommandModule<object, RunsArgs> = {
  command: 'runs [action] [runs..]',
  describe: 'list, show, compare or remove the recorded runs',
  builder: (yargs: Argv<object>) =>
    yargs
      .positional('action', { type: 'string', describe: `${ACTIONS.join(' | ')} [default: list]` })
      .positional('runs', { type: 'string', array: true, describe: 'run folders, or unique prefixes of run names' })
      .option('runs-dir', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe: 'folder of the recorded runs [default: $NETDASH_RUNS_DIR, else ./netdash-runs]',
      })
      .option('json', { type: 'boolean', describe: 'list or show as JSON, for scripts' })
      .option('csv', { type: 'boolean', describe: 'compare: the per-epoch metrics of every run as CSV' })
      .option('yes', { type: 'boolean', describe: 'rm: delete without asking' })
      .example('$0 runs', 'the recorded runs, newest first')
      .example('$0 runs show 20250131-1405', 'one run: summary and per-epoch table')
      .example('$0 runs compare 20250131-1405 20250131-1512', 'side by side, with their curves')
      .example('$0 runs rm 20250131-1405', 'delete a run folder (asks first in a terminal)') as Argv<RunsArgs>,
  handler: (args) =>
    runCommand(() => {
      const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
      return runRuns(args, { ...processIo, columns: process.stdout.columns, ...(interactive && { confirm }) });
    }),
};
