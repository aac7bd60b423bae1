// The train and evaluate commands run in this process, up to where work would start: argv parsed
// by the real yargs builders (strict, usage errors as UsageError), planned, prepared against the
// data, and any error turned into stderr lines and an exit code by the real reportError.
import yargs from 'yargs';
import { reportError } from '../../../src/ui/app/errors.js';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import { evaluateBuilder, evaluateNetwork, type EvaluateArgs } from '../../../src/ui/cli/commands/evaluate.js';
import { trainBuilder, type TrainArgs } from '../../../src/ui/app/trainOptions.js';
import { planTraining, type Plan } from '../../../src/ui/app/trainPlan.js';
import { prepareTraining, runTraining } from '../../../src/ui/cli/trainRun.js';
import { runNeuronDemo } from '../../../src/ui/cli/neuronRun.js';
import { packageVersion } from '../../../src/ui/app/version.js';
import type { Io } from '../../../src/ui/cli/output/reporter.js';

/** The arguments yargs hands the command handler, as `netdash <command> ...argv` would. */
function parse(
  command: string,
  builder: (y: ReturnType<typeof yargs>) => ReturnType<typeof yargs>,
  argv: string[],
): Record<string, unknown> {
  const args = [command.split(' ')[0]!, ...argv];
  return configureYargs(yargs(args), args).command(command, command, builder).parseSync();
}

export const parseTrain = (argv: string[]) => parse('train', trainBuilder, argv) as TrainArgs;

export interface Outcome {
  /** The exit code reportError picked (undefined when nothing failed). */
  code?: number;
  /** stderr, one entry per line. */
  lines: string[];
  stdout: string;
}

/** Text written to a stream stand-in (the commands only ever call write). */
function sink(onText: (text: string) => void): Io['stdout'] {
  return { write: (text: string) => (onText(text), true) } as unknown as Io['stdout'];
}

function capture(body: (io: Io) => void): Outcome {
  let out = '';
  let err = '';
  try {
    body({ stdout: sink((text) => (out += text)), stderr: sink((text) => (err += text)) });
    return { lines: [], stdout: out };
  } catch (error) {
    const code = reportError(error, { write: (text: string) => (err += text) });
    return { code, lines: err.trimEnd().split('\n'), stdout: out };
  }
}

/** `netdash train ...argv` up to its first epoch: parse, plan, then load and check the data (no training). */
export function trainOutcome(argv: string[]): Outcome & { plan?: Plan } {
  let plan: Plan | undefined;
  const outcome = capture(() => {
    plan = planTraining(parseTrain(argv));
    if (plan.kind === 'train') prepareTraining(plan.plan);
  });
  return { ...outcome, plan };
}

/** `netdash evaluate ...argv`, whole (evaluation included). */
export function evaluateOutcome(argv: string[]): Outcome {
  return capture((io) => {
    const args = parse('evaluate <file>', evaluateBuilder, argv) as unknown as EvaluateArgs;
    evaluateNetwork(args, io);
  });
}

/** `netdash train ...argv`, whole (training included), in this process: what a spawned CLI would print and return. */
export async function runTrain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) };
  try {
    const plan = planTraining(parseTrain(argv));
    const run =
      plan.kind === 'neuron' ? runNeuronDemo(plan.plan, io, packageVersion()) : runTraining(plan.plan, io, packageVersion());
    return { code: await run, stdout, stderr };
  } catch (error) {
    return { code: reportError(error, io.stderr), stdout, stderr };
  }
}
