// The training loop: epochs of shuffled mini-batches, per-epoch monitoring, early stopping, the
// learning-rate schedule, best-weight keeping and divergence detection. It reports through typed
// events and never touches a terminal; it yields the event loop every ~50 ms so a UI on the same
// thread can repaint and read keys, and it can be paused, resumed and aborted.
import { COSTS } from './costs.js';
import { ReferenceEngine, type TrainingEngine } from './engine.js';
import { Network, type Gradients } from './network.js';
import { BestTracker, EarlyStopping, PlateauSchedule, type TrackerState } from './callbacks.js';
import { penaltiesOf, penaltyCost, type Penalty } from './regularizers.js';
import { Rng } from './rng.js';
import { identityOrder } from './batches.js';
import { evaluateInSlices, now, yieldToEventLoop } from './yielding.js';
import type {
  DoneEvent,
  EpochMetrics,
  Examples,
  StopReason,
  TrainConfig,
  TrainerEvent,
  TrainerListener,
} from './types.js';

export interface TrainerData {
  training: Examples;
  /** Held-out set for validation metrics, early stopping and "best epoch". */
  validation?: Examples;
}

export type EngineFactory = (network: Network, dropoutRng: Rng) => TrainingEngine;

export interface TrainerOptions {
  /** Continue from this network instead of a freshly initialized one (e.g. a loaded file). */
  network?: Network;
  engine?: EngineFactory;
  /** Longest stretch of computation between two yields to the event loop. */
  yieldEveryMs?: number;
  /** Smallest interval between two batch-progress events. */
  batchEventEveryMs?: number;
}


export class Trainer {
  readonly network: Network;
  readonly config: TrainConfig;
  private readonly data: TrainerData;
  private readonly engine: TrainingEngine;
  private readonly shuffleRng: Rng;
  private readonly penalties: Penalty[];
  private readonly listeners = new Set<TrainerListener>();
  private readonly yieldEveryMs: number;
  private readonly batchEventEveryMs: number;
  private pausedUntil: { promise: Promise<void>; resolve: () => void } | undefined;
  private eta: number;

  constructor(config: TrainConfig, data: TrainerData, options: TrainerOptions = {}) {
    this.config = config;
    this.data = data;
    this.eta = config.eta;
    // Separate streams so that turning dropout on does not change the initial weights or shuffles.
    const initRng = new Rng(config.seed);
    this.shuffleRng = new Rng(config.seed ^ 0x5f3759df);
    const dropoutRng = new Rng(config.seed ^ 0x2545f491);
    this.network = options.network ?? new Network(config.sizes, COSTS[config.cost]).initialize(config.init, initRng);
    this.engine = (options.engine ?? ((net, rng) => new ReferenceEngine(net, rng)))(this.network, dropoutRng);
    this.penalties = penaltiesOf(config);
    this.yieldEveryMs = options.yieldEveryMs ?? 50;
    this.batchEventEveryMs = options.batchEventEveryMs ?? 100;
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: TrainerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get paused(): boolean {
    return this.pausedUntil !== undefined;
  }

  get engineName(): string {
    return this.engine.name;
  }

  pause(): void {
    if (this.pausedUntil) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.pausedUntil = { promise, resolve };
  }

  resume(): void {
    this.pausedUntil?.resolve();
    this.pausedUntil = undefined;
  }

  /** The network with the engine's latest parameters (engines may train in their own memory). */
  currentNetwork(): Network {
    this.engine.pull();
    return this.network;
  }

  /** Metrics of the current network on a set: accuracy and cost (with the regularization term). */
  evaluate(examples: Examples, withCost = true): { accuracy: number; correct: number; total: number; cost: number } {
    this.currentNetwork();
    const result = this.engine.evaluate(examples, withCost);
    const cost = withCost ? this.totalCost(result.costSum, examples.count) : Number.NaN;
    return { accuracy: result.correct / Math.max(1, result.total), correct: result.correct, total: result.total, cost };
  }

  async run(signal?: AbortSignal): Promise<DoneEvent> {
    const { config, data } = this;
    const runStart = now();
    const training = data.training;
    const batches = Math.ceil(training.count / config.batchSize);
    this.emit({
      type: 'start',
      config,
      trainingSize: training.count,
      validationSize: data.validation?.count ?? 0,
      batchesPerEpoch: batches,
    });
    const onAbort = () => this.resume();
    signal?.addEventListener('abort', onAbort);

    const direction = config.monitor === 'val-cost' ? 'min' : 'max';
    const tracker = new BestTracker(direction, config.minDelta);
    // Early stopping and the schedule watch a held-out metric: without a held-out set they stay off.
    const watchable = (data.validation?.count ?? 0) > 0;
    const earlyStopping =
      watchable && config.patience !== undefined && !config.schedule
        ? new EarlyStopping({ direction, patience: config.patience, minDelta: config.minDelta })
        : undefined;
    const schedule =
      watchable && config.schedule && config.patience !== undefined
        ? new PlateauSchedule({ direction, patience: config.patience, minDelta: config.minDelta, eta: config.eta })
        : undefined;

    const order = identityOrder(training.count);
    let lastGood: Gradients = this.network.snapshot();
    let best: { metrics: EpochMetrics; parameters: Gradients } | undefined;
    let final: EpochMetrics = {};
    let epochsRun = 0;
    let reason: StopReason = 'completed';

    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      this.shuffleRng.shuffle(order);
      const trainSeconds = await this.trainEpoch(epoch, order, batches, signal);
      if (trainSeconds === undefined) {
        reason = 'aborted';
        break;
      }
      epochsRun = epoch;

      const { metrics, evalSeconds } = await this.monitor();

      if (!this.network.hasFiniteParameters() || Object.values(metrics).some((v) => !Number.isFinite(v))) {
        this.network.restore(lastGood);
        this.engine.push();
        reason = 'diverged';
        break;
      }
      lastGood = this.network.snapshot();
      final = metrics;

      const monitored = config.monitor === 'val-cost' ? metrics.validationCost : metrics.validationAccuracy;
      let state: TrackerState = tracker.observe(monitored ?? Number.NaN);
      if (state.improved) best = { metrics, parameters: lastGood };
      let stop: StopReason | undefined;
      let newEta: number | undefined;
      if (earlyStopping) {
        const decision = earlyStopping.observe(monitored ?? Number.NaN);
        state = decision;
        if (decision.stop) stop = 'early-stop';
      }
      if (schedule) {
        const decision = schedule.observe(monitored ?? Number.NaN);
        state = decision;
        if (decision.changed) newEta = decision.eta;
        if (decision.stop) stop = 'schedule';
      }

      this.emit({
        type: 'epoch',
        epoch,
        metrics,
        learningRate: this.eta,
        trainSeconds,
        evalSeconds,
        bestEpoch: state.bestEpoch,
        bestMetrics: best?.metrics ?? {},
        epochsSinceImprovement: state.epochsSinceImprovement,
      });
      if (newEta !== undefined && !stop) {
        this.emit({ type: 'lr', epoch, from: this.eta, to: newEta });
        this.eta = newEta;
      }
      if (stop) {
        reason = stop;
        break;
      }
      // Short epochs never reach yieldEveryMs inside an epoch: yield once per epoch too, so signal
      // handlers (Ctrl-C), timers and keys are served between epochs however small the run.
      await yieldToEventLoop();
      if (signal?.aborted) {
        reason = epoch < config.epochs ? 'aborted' : 'completed';
        break;
      }
    }

    signal?.removeEventListener('abort', onAbort);
    if (best && config.restoreBestWeights && reason !== 'diverged') {
      this.network.restore(best.parameters);
      this.engine.push();
    }
    if (watchable && epochsRun > 0 && reason !== 'diverged' && !best && final.validationAccuracy === undefined) {
      // Nothing held-out was monitored per epoch (e.g. the more-data runs): measure the end result once.
      const end = this.evaluate(data.validation!);
      final = { ...final, validationCost: end.cost, validationAccuracy: end.accuracy };
    }
    const done: DoneEvent = {
      type: 'done',
      reason,
      epochs: epochsRun,
      bestEpoch: best ? tracker.current.bestEpoch : epochsRun,
      best: best?.metrics ?? final,
      final,
      seconds: (now() - runStart) / 1000,
    };
    this.emit(done);
    return done;
  }

  /** One training pass; returns its wall seconds (pauses excluded), or undefined when aborted. */
  private async trainEpoch(
    epoch: number,
    order: Uint32Array,
    batches: number,
    signal: AbortSignal | undefined,
  ): Promise<number | undefined> {
    const { config } = this;
    const training = this.data.training;
    const settings = {
      eta: this.eta,
      momentum: config.momentum,
      penalties: this.penalties,
      trainingSize: training.count,
      batchSize: config.batchSize,
      dropout: config.dropout,
    };
    let busy = 0;
    let sliceStart = now();
    let lastBatchEvent = sliceStart;
    // Grow the chunk of batches handed to the engine until one chunk takes ~10 ms.
    let chunkBatches = 1;
    for (let done = 0; done < batches; ) {
      const t = now();
      const take = Math.min(chunkBatches, batches - done);
      const from = done * config.batchSize;
      this.engine.train(training, order, from, Math.min(training.count, from + take * config.batchSize), settings);
      done += take;
      const elapsed = now() - t;
      if (elapsed < 5) chunkBatches *= 2;
      else if (elapsed > 20 && chunkBatches > 1) chunkBatches = Math.max(1, chunkBatches >> 1);

      const current = now();
      if (current - lastBatchEvent >= this.batchEventEveryMs && done < batches) {
        lastBatchEvent = current;
        const seconds = (busy + current - sliceStart) / 1000;
        this.emit({
          type: 'batch',
          epoch,
          batch: done,
          batches,
          examplesPerSecond: (done * config.batchSize) / Math.max(seconds, 1e-9),
        });
      }
      if (current - sliceStart >= this.yieldEveryMs || this.pausedUntil || signal?.aborted) {
        busy += current - sliceStart;
        await yieldToEventLoop();
        while (this.pausedUntil && !signal?.aborted) await this.pausedUntil.promise;
        if (signal?.aborted) return undefined;
        sliceStart = now();
      }
    }
    busy += now() - sliceStart;
    this.emit({ type: 'batch', epoch, batch: batches, batches, examplesPerSecond: training.count / (busy / 1000) });
    return busy / 1000;
  }

  /** This epoch's metrics and the seconds spent computing them (yields excluded, as in trainEpoch). */
  private async monitor(): Promise<{ metrics: EpochMetrics; evalSeconds: number }> {
    const { config, data } = this;
    const clock = { busy: 0 };
    const pullStart = now();
    this.engine.pull();
    clock.busy += now() - pullStart;
    const metrics: EpochMetrics = {};
    if (config.monitorTrainingCost || config.monitorTrainingAccuracy) {
      const r = await evaluateInSlices(this.engine, data.training, config.monitorTrainingCost, this.yieldEveryMs, clock);
      if (config.monitorTrainingCost) metrics.trainingCost = this.totalCost(r.costSum, r.total);
      if (config.monitorTrainingAccuracy) metrics.trainingAccuracy = r.correct / r.total;
    }
    if (data.validation && (config.monitorValidationCost || config.monitorValidationAccuracy)) {
      const r = await evaluateInSlices(this.engine, data.validation, config.monitorValidationCost, this.yieldEveryMs, clock);
      if (config.monitorValidationCost) metrics.validationCost = this.totalCost(r.costSum, r.total);
      if (config.monitorValidationAccuracy) metrics.validationAccuracy = r.correct / r.total;
    }
    return { metrics, evalSeconds: clock.busy / 1000 };
  }

  /** Mean cost plus the regularization term scaled by the evaluated set's size, as network2.total_cost. */
  private totalCost(costSum: number, count: number): number {
    const n = Math.max(1, count);
    return costSum / n + penaltyCost(this.penalties, this.network.weights, n);
  }

  private emit(event: TrainerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
