// `netdash reproduce [--only ID,...] [--seeds K] [--json] [--out DIR] [--quick] [--jobs N] [--engine E]`: runs the
// chapter's preset experiments headless and reports ours against the book. Registered in
// src/ui/main.ts; the runs and reports are imported only when the command runs.
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { ENGINE_KINDS } from '../../core/engines.js';
import { EXPERIMENT_IDS } from '../../core/experiments.js';
import { reportError } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { MAX_JOBS, MAX_SEEDS, defaultJobs, parseReproduceArgs, type RawReproduceArgs } from './options.js';
import { defaultExperimentIds } from './plan.js';
import type { ReproduceIo } from './reproduce.js';

export interface ReproduceCommandIo extends ReproduceIo {
  setExitCode(code: number): void;
}

const processIo: ReproduceCommandIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** Validates the arguments, runs, and reports through `io`; resolves with the exit code. */
export async function runReproduceCommand(args: RawReproduceArgs, io: ReproduceCommandIo): Promise<number> {
  const parsed = parseReproduceArgs(args);
  let code: number;
  if (!parsed.ok) {
    io.stderr.write(`netdash reproduce: ${parsed.problem}\n`);
    code = EXIT.usage;
  } else {
    try {
      const { reproduce } = await import('./reproduce.js');
      code = await reproduce(parsed.options, io);
    } catch (error) {
      // Bad data, an unusable --out folder or engine: exit 2; anything else is an internal error.
      code = reportError(error, io.stderr, 'netdash reproduce');
    }
  }
  io.setExitCode(code);
  return code;
}

/** The command module, writing to the given streams (tests) or the process's. */
export function createReproduceCommand(io: ReproduceCommandIo = processIo): CommandModule<object, RawReproduceArgs> {
  return {
    command: 'reproduce',
    describe: "Run the chapter's experiments headless and compare them with the book",
    builder: (yargs: Argv) =>
      yargs
        .option('only', {
          type: 'string',
          describe: `Comma-separated experiment ids (default: ${defaultExperimentIds().join(', ')}; also: ${EXPERIMENT_IDS.filter((id) => !defaultExperimentIds().includes(id)).join(', ')})`,
        })
        .option('seeds', { type: 'string', describe: `Seeds per run, 1–${MAX_SEEDS} (default 3); seed k = preset seed + k` })
        .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object instead of the table' })
        .option('out', { type: 'string', describe: 'Folder for the Markdown, CSV, JSON, per-run NDJSON and SVG charts' })
        .option('quick', {
          type: 'boolean',
          default: false,
          describe: 'Small data and few epochs: checks the command, not the book',
        })
        .option('jobs', { type: 'string', describe: `Runs at once on worker threads, 1–${MAX_JOBS} (default ${defaultJobs()})` })
        .option('engine', {
          type: 'string',
          describe: `Compute engine: ${ENGINE_KINDS.join(' | ')} (default auto: the fastest here)`,
        })
        .option('runs-dir', {
          type: 'string',
          describe: 'Folder where every training run is recorded (default $NETDASH_RUNS_DIR, else ./netdash-runs)',
        })
        .option('record', { type: 'boolean', describe: 'Record each training run (--no-record: keep none) (default true)' })
        .example('$0 reproduce', 'the whole default set, 3 seeds per run, the table on stdout')
        .example(
          '$0 reproduce --only overfitting,l2-1000 --out report',
          'two rows, with Markdown, CSV, NDJSON and SVG files in report/',
        )
        .example('$0 reproduce --quick --json', 'a quick check of the command (not of the book), as JSON')
        .epilog(
          'Exit codes: 0 every row as the book (and any --quick run), 1 a row misses the book, 2 bad arguments, data or output folder.',
        ) as unknown as Argv<RawReproduceArgs>,
    handler: async (args: ArgumentsCamelCase<RawReproduceArgs>) => {
      await runReproduceCommand(args, io);
    },
  };
}

export const reproduceCommand = createReproduceCommand();
