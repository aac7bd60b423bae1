// --json: exactly one JSON object per line on stdout (NDJSON), written as each event happens.
// Only start, epoch, lr and done are printed; the throttled batch-progress events are not, nor the
// end-of-run evaluation (its accuracy and cost are in done.final).
import type { EpochEvent, StartEvent, TrainerEvent } from '../../../core/types.js';
import type { Io, RunContext, RunReporter, RunSummary } from './reporter.js';

export function writeJsonLine(io: Io, object: Record<string, unknown>): void {
  io.stdout.write(`${JSON.stringify(object)}\n`);
}

export class JsonReporter implements RunReporter {
  constructor(
    private readonly io: Io,
    private readonly context: RunContext,
  ) {}

  onEvent(event: TrainerEvent): void {
    switch (event.type) {
      case 'start':
        return writeJsonLine(this.io, this.startLine(event));
      case 'epoch':
        return writeJsonLine(this.io, epochLine(event));
      case 'lr':
        return writeJsonLine(this.io, { type: 'lr', epoch: event.epoch, from: event.from, to: event.to });
      case 'batch':
      case 'evaluation':
      case 'done':
        return;
    }
  }

  finish({ done, testAccuracy, saved }: RunSummary): void {
    writeJsonLine(this.io, {
      type: 'done',
      reason: done.reason,
      epochs: done.epochs,
      bestEpoch: done.bestEpoch,
      best: done.best,
      final: done.final,
      ...(testAccuracy !== undefined && { testAccuracy }),
      ...(saved !== undefined && { saved }),
      seconds: done.seconds,
    });
  }

  private startLine(event: StartEvent): Record<string, unknown> {
    const c = this.context;
    return {
      type: 'start',
      version: c.version,
      ...(c.experiment && { experiment: c.experiment }),
      config: event.config,
      trainingSize: event.trainingSize,
      validationSize: event.validationSize,
      heldOut: c.heldOut,
      testSize: c.testSize,
      batchesPerEpoch: event.batchesPerEpoch,
      engine: c.engine,
      dataDir: c.dataDir,
      loadSeconds: c.loadSeconds,
      ...(c.loadedFrom !== undefined && { loadedFrom: c.loadedFrom }),
    };
  }
}

function epochLine(event: EpochEvent): Record<string, unknown> {
  return {
    type: 'epoch',
    epoch: event.epoch,
    ...event.metrics,
    learningRate: event.learningRate,
    trainSeconds: event.trainSeconds,
    evalSeconds: event.evalSeconds,
    bestEpoch: event.bestEpoch,
    epochsSinceImprovement: event.epochsSinceImprovement,
  };
}
