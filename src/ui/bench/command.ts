// `netdash bench [--json | --markdown] [--epochs N] [--engine auto|typescript|wasm] [--no-memory]`: measures
// training and evaluation speed on the reference workloads (see runBench.ts). Registered in
// src/ui/main.ts; the benchmark itself is imported only when the command runs.
import type { Argv, CommandModule } from 'yargs';
import { ENGINE_KINDS, wasmEngineAvailable, type EngineKind } from '../../core/engines.js';
import { runCommand, UsageError } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { lastText, parseNumber } from '../app/values.js';
import type { DashboardFrameTimes } from './runBench.js';

/** Measurements of other front ends that the composition root (src/ui/main.ts) hands in. */
export interface BenchExtras {
  /** The dashboard's frame time (measured in src/ui/tui, which bench may not import). */
  dashboardFrames?: () => Promise<DashboardFrameTimes[]>;
}

interface BenchArgs {
  json?: boolean;
  markdown?: boolean;
  epochs?: string;
  engine?: string;
  memory?: boolean;
}

const DEFAULT_EPOCHS = 3;
const MAX_EPOCHS = 100;

/** The validated options, or a UsageError naming the flag, the value and what is allowed. */
export function benchOptions(args: BenchArgs): {
  engine: EngineKind;
  epochs: number;
  format: 'text' | 'json' | 'markdown';
  memoryCheck: boolean;
} {
  const epochs = args.epochs === undefined ? DEFAULT_EPOCHS : parseNumber(args.epochs);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
    throw new UsageError(`--epochs: got ${args.epochs}; must be a whole number from 1 to ${MAX_EPOCHS}`);
  }
  const engine = (args.engine ?? 'auto') as EngineKind;
  if (!ENGINE_KINDS.includes(engine)) {
    throw new UsageError(`--engine: got ${args.engine}; must be one of ${ENGINE_KINDS.join(', ')}`);
  }
  if (engine === 'wasm' && !wasmEngineAvailable()) {
    throw new UsageError('--engine: wasm needs WebAssembly SIMD, which this runtime lacks; use auto or typescript');
  }
  if (args.json && args.markdown) throw new UsageError('--json and --markdown: choose one output format');
  const format = args.json ? 'json' : args.markdown ? 'markdown' : 'text';
  return { engine, epochs, format, memoryCheck: args.memory !== false };
}

export function createBenchCommand(extras: BenchExtras = {}): CommandModule<object, BenchArgs> {
  return {
    ...benchCommand,
    handler: (args) => runBenchCommand(args, extras),
  };
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench',
  describe: 'measure training and evaluation speed on the reference workloads',
  builder: (yargs: Argv<object>) =>
    yargs
      .option('json', { type: 'boolean', describe: 'print the results as one JSON object' })
      .option('markdown', {
        type: 'boolean',
        describe: 'print the table of figures in docs/reproduce.md (date, machine, commit)',
      })
      .option('epochs', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe: `measured epochs per workload, after a warm-up epoch [default: ${DEFAULT_EPOCHS}]`,
      })
      .option('engine', {
        type: 'string',
        requiresArg: true,
        coerce: lastText,
        describe: `compute engine: ${ENGINE_KINDS.join(' | ')} [default: auto]`,
      })
      .option('memory', {
        type: 'boolean',
        describe: 'run the memory check on the 250,000-image expanded set (--no-memory skips it) [default: true]',
      }) as Argv<BenchArgs>,
  handler: (args) => runBenchCommand(args, {}),
};

function runBenchCommand(args: BenchArgs, extras: BenchExtras): Promise<void> {
  return runCommand(async () => {
    const options = benchOptions(args);
    const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
    const { runBench } = await import('./runBench.js');
    const { formatBenchMarkdown, formatBenchReport } = await import('./format.js');
    const report = await runBench({ ...options, progress, dashboardFrames: extras.dashboardFrames });
    const formats = {
      json: () => `${JSON.stringify(report)}\n`,
      markdown: () => formatBenchMarkdown(report),
      text: () => formatBenchReport(report),
    };
    process.stdout.write(formats[options.format]());
    const memoryFailed = report.memoryCheckError !== undefined || report.memoryCheck?.withinLimit === false;
    return memoryFailed ? EXIT.failed : EXIT.ok;
  });
}
