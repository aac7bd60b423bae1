// `netdash worker --queue redis://HOST:PORT [--concurrency N] [--data-dir DIR] [--runs-dir DIR | --no-record]`: runs the trials of
// `netdash sweep --queue` on this machine until stopped (Ctrl-C or SIGTERM: running trials are
// abandoned and retried by another worker). Loaded only when the command runs.
import { availableParallelism } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { UsageError, runCommand } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { guardRun, stopExitCode } from '../app/shutdown.js';
import { runsDirOf } from '../app/runsIndex.js';
import { isWholeNumber, lastText, parseNumber } from '../app/values.js';

interface WorkerArgs {
  queue?: string;
  concurrency?: string;
  dataDir?: string;
  runsDir?: string;
  record?: boolean;
  lockSeconds?: string;
}

const MAX_CONCURRENCY = 256;

export interface WorkerSettings {
  url: string;
  concurrency: number;
  lockSeconds: number;
  dataDir?: string;
  /** Where this worker records its trials; undefined with --no-record. */
  runsDir?: string;
}

export function workerOptions(args: WorkerArgs): WorkerSettings {
  const problems: string[] = [];
  if (args.queue === undefined) problems.push('--queue: missing; must be redis://[:PASSWORD@]HOST:PORT (or rediss://)');
  const concurrency = args.concurrency === undefined ? availableParallelism() : parseNumber(args.concurrency);
  if (!isWholeNumber(concurrency, 1) || concurrency > MAX_CONCURRENCY) {
    problems.push(`--concurrency: got ${args.concurrency}; must be a whole number 1..${MAX_CONCURRENCY}`);
  }
  const lockSeconds = args.lockSeconds === undefined ? 30 : parseNumber(args.lockSeconds);
  if (!isWholeNumber(lockSeconds, 1) || lockSeconds > 3600)
    problems.push(`--lock-seconds: got ${args.lockSeconds}; must be a whole number 1..3600`);
  if (args.dataDir === '') problems.push("--data-dir: got ''; must be an MNIST-format folder");
  if (args.runsDir === '') problems.push("--runs-dir: got ''; must be a folder");
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const runsDir = args.record === false ? undefined : runsDirOf(args.runsDir);
  return { url: args.queue!, concurrency, lockSeconds, dataDir: args.dataDir, runsDir };
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'run the trials of `netdash sweep --queue` on this machine',
  builder: (yargs: Argv<object>) =>
    yargs
      .option('queue', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe: 'redis://[:PASSWORD@]HOST:PORT (or rediss:// for TLS), the same as the sweep’s',
      })
      .option('concurrency', {
        requiresArg: true,
        coerce: lastText,
        describe: `trials at once on worker threads [default: the cores, ${availableParallelism()} here]`,
      })
      .option('data-dir', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe: 'MNIST-format folder of this machine [default: the embedded MNIST]',
      })
      .option('runs-dir', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe:
          'record each trial in DIR/<trial key>/; shared by the workers, a killed trial resumes from its checkpoint [default: $NETDASH_RUNS_DIR, else ./netdash-runs]',
      })
      .option('record', {
        type: 'boolean',
        describe: 'record each trial as a run; --no-record keeps nothing (a killed trial restarts) [default: true]',
      })
      .option('lock-seconds', {
        requiresArg: true,
        coerce: lastText,
        hidden: true,
        describe: 'seconds before a silent worker’s trial goes to another worker [default: 30]',
      })
      .example('$0 worker --queue redis://queue.lan:6379', 'one worker per machine, as many as you like') as Argv<WorkerArgs>,
  handler: (args) =>
    runCommand(async () => {
      const options = workerOptions(args);
      const { startWorker } = await import('../app/sweep/queue/worker.js');
      const log = (line: string) => void process.stderr.write(`worker: ${line}\n`);
      const worker = await startWorker({ ...options, log });
      log(`waiting for trials on ${worker.shown} (${options.concurrency} at a time); Ctrl-C stops`);
      const controller = new AbortController();
      const stopListening = guardRun(controller, process.stderr);
      await new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
      stopListening();
      await worker.close(true);
      return stopExitCode() ?? EXIT.ok;
    }),
};
