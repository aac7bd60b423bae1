// One MNIST training run from a checked plan: load the data, finish the checks that need it,
// build the trainer through prepareRun, report its events, then test, save and pick the exit code.
import { describeProblem, validateConfig } from '../../core/config.js';
import type { TrainConfig } from '../../core/types.js';
import { DataError } from '../../data/errors.js';
import { CLASS_COUNT } from '../../data/mnist.js';
import { saveNetwork } from '../../data/modelFile.js';
import { prepareRun, type PreparedRun } from '../app/runSetup.js';
import { UsageError } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { guardRun, stopExitCode } from '../app/shutdown.js';
import { percent } from '../app/format.js';
import { JsonReporter } from './output/jsonReporter.js';
import { TtyProgress } from './output/progress.js';
import type { Io, RunContext, RunReporter } from './output/reporter.js';
import { TextReporter } from './output/textReporter.js';
import { describeConfigProblem, type TrainPlan } from './trainPlan.js';

const SPLIT_FLAGS: Record<string, string> = { trainingSize: '--train-size', validationSize: '--validation-size' };

/** prepareRun; a subset size beyond the data is reported by its flag, not as "(split)". */
function prepare(plan: TrainPlan): PreparedRun {
  try {
    return prepareRun(plan.request);
  } catch (error) {
    const match = error instanceof DataError && error.file === '(split)' && /(\w+) (\S+) out of range; expected an integer (\d+)\.\.(\d+)/.exec(error.message);
    if (match && SPLIT_FLAGS[match[1]!]) {
      throw new UsageError(`${SPLIT_FLAGS[match[1]!]}: got ${match[2]}; must be a whole number ${match[3]}..${match[4]} for this data`);
    }
    throw error;
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Layer ends against the data, and a loaded network against the shape flags given with it. */
function checkAgainstData(plan: TrainPlan, prepared: PreparedRun): void {
  const dataShape = { inputSize: prepared.datasets.training.inputSize, classes: CLASS_COUNT };
  const sizesProblems = (config: TrainConfig) => validateConfig(config, dataShape).filter((p) => p.field === 'sizes');
  const lines: string[] = [];
  const loadFrom = plan.request.loadFrom;
  if (loadFrom === undefined) {
    lines.push(...sizesProblems(prepared.config).map((p) => describeConfigProblem(p, plan.typed)));
  } else {
    const loaded = prepared.config;
    const sizesFlag = plan.typed.sizes;
    if (sizesFlag && !sameList(plan.request.config.sizes, loaded.sizes)) {
      lines.push(`${sizesFlag.flag}: got ${sizesFlag.text}; must match the sizes ${loaded.sizes.join(',')} of --load ${loadFrom} (or be left out)`);
    }
    if (plan.costFlag !== undefined && plan.costFlag !== loaded.cost) {
      lines.push(`--cost: got ${plan.costFlag}; must match the cost ${loaded.cost} of --load ${loadFrom} (or be left out)`);
    }
    lines.push(...sizesProblems(loaded).map((p) => describeProblem(p, `--load ${loadFrom}`)));
  }
  if (lines.length > 0) throw new UsageError(lines.join('\n'));
}

function makeReporter(plan: TrainPlan, io: Io, context: RunContext, epochs: number): RunReporter {
  if (plan.json) return new JsonReporter(io, context);
  const interactive = Boolean(io.stdout.isTTY && io.stderr.isTTY);
  return new TextReporter(io, context, interactive ? new TtyProgress(io.stderr, epochs) : undefined);
}

export async function runTraining(plan: TrainPlan, io: Io, version: string): Promise<number> {
  const controller = new AbortController();
  const stopListening = guardRun(controller, io.stderr);
  try {
    const prepared = prepare(plan);
    const { trainer, datasets } = prepared;
    checkAgainstData(plan, prepared);

    const context: RunContext = {
      version,
      ...(plan.experiment && { experiment: { id: plan.experiment.id, run: plan.run.label, variant: plan.variant } }),
      heldOut: prepared.heldOutName,
      testSize: datasets.test.count,
      engine: trainer.engineName,
      dataDir: datasets.source,
      loadSeconds: datasets.loadSeconds,
      loadedFrom: plan.request.loadFrom,
    };
    const reporter = makeReporter(plan, io, context, prepared.config.epochs);
    let bestAccuracy: number | undefined;
    const unsubscribe = trainer.on((event) => {
      if (event.type === 'epoch' && event.metrics.validationAccuracy !== undefined) {
        bestAccuracy = Math.max(bestAccuracy ?? 0, event.metrics.validationAccuracy);
      }
      reporter.onEvent(event);
    });
    const done = await trainer.run(controller.signal);
    unsubscribe();

    const interrupted = controller.signal.aborted;
    // After Ctrl-C the user wants out: no 10,000-image test pass then.
    const testAccuracy = plan.test && !interrupted ? trainer.evaluate(datasets.test, false).accuracy : undefined;
    // Ctrl-C before the first epoch ended: nothing trained, so an existing file is not overwritten.
    const save = interrupted && done.epochs === 0 ? undefined : plan.save;
    // A failed save still ends the output with its summary (the NDJSON stream with `done`).
    let saveError: unknown;
    try {
      if (save !== undefined) saveNetwork(save, trainer.network);
    } catch (error) {
      saveError = error;
    }
    reporter.finish({ done, testAccuracy, saved: saveError === undefined ? save : undefined });
    if (saveError !== undefined) throw saveError;

    if (interrupted) return stopExitCode() ?? EXIT.interrupted;
    if (done.reason === 'diverged') {
      io.stderr.write(`netdash: training diverged in epoch ${done.epochs} (NaN or infinite cost); try a smaller --eta\n`);
      return EXIT.failed;
    }
    if (plan.failUnder !== undefined && !(bestAccuracy !== undefined && bestAccuracy >= plan.failUnder)) {
      const set = prepared.heldOutName;
      io.stderr.write(`netdash: best ${set} accuracy ${percent(bestAccuracy)} is below --fail-under ${percent(plan.failUnder)}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    stopListening();
  }
}
