// One MNIST training run from a checked plan: prepareRun loads the data, checks the request
// against it and builds the trainer (its problems worded by flag); then report the trainer's
// events, test, save and pick the exit code.
import { saveNetwork } from '../../data/modelFile.js';
import { EXIT } from '../app/exitCodes.js';
import { percent } from '../app/format.js';
import { inWords } from '../app/requestError.js';
import { prepareRun, type PreparedRun } from '../app/runSetup.js';
import { RunRecorder, recordedData } from '../app/runsRecorder.js';
import { prepareResume } from '../app/runsResume.js';
import { guardRun, stopExitCode } from '../app/shutdown.js';
import { JsonReporter } from './output/jsonReporter.js';
import { TtyProgress } from './output/progress.js';
import type { Io, RunContext, RunReporter } from './output/reporter.js';
import { TextReporter } from './output/textReporter.js';
import { flagWords, type TrainPlan } from '../app/trainPlan.js';
import { preparedContext } from '../app/eventLines.js';

/** prepareRun, with a problem of the request (a size beyond the data, a --load mismatch) named by its flag. */
export function prepareTraining(plan: TrainPlan): PreparedRun {
  if (plan.resume) return prepareResume(plan.resume);
  try {
    return prepareRun(plan.request);
  } catch (error) {
    throw inWords(error, flagWords(plan));
  }
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
    const prepared = prepareTraining(plan);
    const { trainer, datasets } = prepared;

    const context: RunContext = {
      ...preparedContext(prepared, version),
      ...(plan.experiment && { experiment: { id: plan.experiment.id, run: plan.run.label, variant: plan.variant } }),
      loadedFrom: plan.request.loadFrom ?? plan.resume?.description.loadedFrom,
      ...(plan.resume && { resumedAfter: plan.resume.checkpoint.epoch }),
    };
    const recorder = startRecording(plan, prepared, context, () => controller.abort());
    if (recorder) context.runDir = recorder.dir;
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
    // No epoch ended with finite weights (Ctrl-C before the first, or diverged in it): the network is
    // the untrained start, so nothing is saved and an existing file is not overwritten.
    const save = done.bestEpoch === 0 ? undefined : plan.save;
    // A failed save still ends the output with its summary (the NDJSON stream with `done`).
    let saveError: unknown;
    try {
      if (save !== undefined) saveNetwork(save, trainer.network);
    } catch (error) {
      saveError = error;
    }
    const summary = { done, testAccuracy, saved: saveError === undefined ? save : undefined };
    reporter.finish(summary);
    const recordError = await recorder?.finish(summary);
    if (recordError !== undefined) io.stderr.write(`netdash: the run's record is incomplete: ${recordError}\n`);
    if (saveError !== undefined) throw saveError;

    if (recorder?.failure !== undefined) {
      io.stderr.write(
        `netdash: recording failed (${recorder.failure}); the run stopped after epoch ${done.epochs}, its last checkpoint intact in ${recorder.dir}\n`,
      );
      return EXIT.failed;
    }
    if (interrupted) return stopExitCode() ?? EXIT.interrupted;
    if (done.reason === 'diverged') {
      const kept = done.bestEpoch === 0 ? 'nothing saved' : `the weights of epoch ${done.bestEpoch} kept`;
      io.stderr.write(
        `netdash: training diverged in epoch ${done.epochs} (NaN or infinite cost; ${kept}); try a smaller --eta\n`,
      );
      return EXIT.failed;
    }
    if (plan.failUnder !== undefined && !(bestAccuracy !== undefined && bestAccuracy >= plan.failUnder)) {
      const set = prepared.heldOutName;
      io.stderr.write(
        `netdash: best ${set} accuracy ${percent(bestAccuracy)} is below --fail-under ${percent(plan.failUnder)}\n`,
      );
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    stopListening();
  }
}

/** The recorder of the run, unless --no-record; a runs folder that cannot be made is a DataError (exit 2). */
function startRecording(plan: TrainPlan, prepared: PreparedRun, context: RunContext, stop: () => void): RunRecorder | undefined {
  if (plan.runsDir === undefined) return undefined;
  const { request } = plan;
  return new RunRecorder({
    runsDir: plan.runsDir,
    source: 'train',
    trainer: prepared.trainer,
    context,
    data: recordedData(request, prepared),
    stop,
    ...(plan.resume && {
      resume: { dir: plan.resume.dir, description: plan.resume.description, afterEpoch: plan.resume.checkpoint.epoch },
    }),
  });
}
