// The training loop: epochs of shuffled mini-batches, per-epoch monitoring and divergence detection.
// Early stopping, the learning-rate schedule and best-weight keeping are callbacks (callbacks.ts)
// that share one tracker of the monitored metric. It reports through typed events and never touches
// a terminal; it yields the event loop every ~50 ms so a UI on the same thread can repaint and read
// keys, and it can be paused, resumed and aborted.
import {
  BestWeights,
  CallbackList,
  callbacksFor,
  monitoredValue,
  trackerFor,
  type BestTracker,
  type TrainingCallback,
} from './callbacks.js';
import { COSTS } from './costs.js';
import { RunGenerators, replayOrder, type CheckpointListener, type TrainerCheckpoint } from './checkpoint.js';
import { ReferenceEngine, type TrainSettings, type TrainingEngine } from './engine.js';
import { Network, type Gradients } from './network.js';
import { monitorEpoch, totalCost, type EpochMonitoring } from './monitoring.js';
import { penaltiesOf, type Penalty } from './regularizers.js';
import type { TrainerData, TrainerOptions } from './trainerOptions.js';
import { identityOrder } from './batches.js';
import { makePredictions } from './predictions.js';
import { now, trainInSlices, yieldToEventLoop } from './yielding.js';
import type {
  DoneEvent,
  EpochMetrics,
  Examples,
  PredictionRequest,
  Predictions,
  StopReason,
  TrainConfig,
  TrainerEvent,
  TrainerListener,
} from './types.js';

export type { CheckpointListener, TrainerCheckpoint } from './checkpoint.js';
export type { EngineFactory, TrainerData, TrainerOptions } from './trainerOptions.js';

/** What one run() carries from epoch to epoch. */
interface RunState {
  readonly startedAt: number;
  readonly signal: AbortSignal | undefined;
  readonly detach: () => void;
  readonly order: Uint32Array;
  readonly batches: number;
  readonly tracker: BestTracker;
  readonly callbacks: CallbackList;
  epochsRun: number;
  /** Parameters after the last epoch that stayed finite, and that epoch (0: the starting point). */
  lastGood: Gradients;
  lastGoodEpoch: number;
  /** Metrics of the last finite epoch. */
  final: EpochMetrics;
  /** Metrics of the best epoch by the monitored metric (undefined until it improves once). */
  best?: EpochMetrics;
}

export class Trainer {
  readonly network: Network;
  readonly config: TrainConfig;
  private readonly data: TrainerData;
  private readonly engine: TrainingEngine;
  private readonly rng: RunGenerators;
  private readonly resumeFrom: TrainerCheckpoint | undefined;
  private readonly checkpointListeners = new Set<CheckpointListener>();
  private readonly penalties: Penalty[];
  private readonly listeners = new Set<TrainerListener>();
  private readonly yieldEveryMs: number;
  private readonly batchEventEveryMs: number;
  private readonly extraCallbacks: TrainingCallback[];
  private readonly predictionRequest: PredictionRequest | undefined;
  private pausedUntil: { promise: Promise<void>; resolve: () => void } | undefined;
  private eta: number;

  constructor(config: TrainConfig, data: TrainerData, options: TrainerOptions = {}) {
    this.config = config;
    this.data = data;
    this.eta = config.eta;
    this.rng = new RunGenerators(config.seed);
    this.network = options.network ?? new Network(config.sizes, COSTS[config.cost]).initialize(config.init, this.rng.init);
    this.engine = (options.engine ?? ((net, rng) => new ReferenceEngine(net, rng)))(this.network, this.rng.dropout);
    this.resumeFrom = options.resume;
    if (options.resume) this.restoreState(options.resume);
    this.penalties = penaltiesOf(config);
    this.yieldEveryMs = options.yieldEveryMs ?? 50;
    this.batchEventEveryMs = options.batchEventEveryMs ?? 100;
    this.extraCallbacks = options.callbacks ?? [];
    this.predictionRequest = options.predictions;
  }

  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: TrainerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called after each epoch that did not diverge with the state to continue from, one checkpoint
   * object handed to the listeners in turn (a listener may transfer its engine arrays to a worker:
   * copy what you keep before it). Returns the unsubscribe function.
   */
  onCheckpoint(listener: CheckpointListener): () => void {
    this.checkpointListeners.add(listener);
    return () => this.checkpointListeners.delete(listener);
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

  /**
   * Metrics of the current network on a set: accuracy and cost (with the regularization term), and
   * each example's prediction when `predictions` asks for them.
   */
  evaluate(
    examples: Examples,
    withCost = true,
    predictions?: PredictionRequest,
  ): { accuracy: number; correct: number; total: number; cost: number; predictions?: Predictions } {
    this.currentNetwork();
    const into = predictions && makePredictions(examples.count, this.network.outputSize, predictions);
    const result = this.engine.evaluate(examples, withCost, into);
    const cost = withCost ? totalCost(this.penalties, this.network.weights, result.costSum, examples.count) : Number.NaN;
    const metrics = { accuracy: result.correct / Math.max(1, result.total), correct: result.correct, total: result.total, cost };
    return into ? { ...metrics, predictions: into } : metrics;
  }

  async run(signal?: AbortSignal): Promise<DoneEvent> {
    const run = this.start(signal);
    let reason: StopReason | undefined;
    for (let epoch = run.epochsRun + 1; epoch <= this.config.epochs && reason === undefined; epoch++) {
      reason = await this.runEpoch(epoch, run);
    }
    return this.finish(reason ?? 'completed', run);
  }

  private start(signal: AbortSignal | undefined): RunState {
    const { config, data } = this;
    const startedAt = now();
    const batches = Math.ceil(data.training.count / config.batchSize);
    this.emit({
      type: 'start',
      config,
      trainingSize: data.training.count,
      validationSize: data.validation?.count ?? 0,
      batchesPerEpoch: batches,
    });
    const tracker = trackerFor(config.monitor, config.minDelta);
    const parameters = {
      snapshot: () => this.network.snapshot(),
      restore: (saved: Gradients) => (this.network.restore(saved), this.engine.push()),
    };
    const heldOut = (data.validation?.count ?? 0) > 0;
    const callbacks = new CallbackList([...callbacksFor(config, tracker, { heldOut, parameters }), ...this.extraCallbacks]);
    const from = this.resumeFrom;
    if (from) {
      tracker.importState(from.tracker);
      if (from.bestWeights) this.bestWeightsOf(callbacks)?.keep(from.bestWeights);
    }
    callbacks.trainBegin();
    const onAbort = () => this.resume();
    signal?.addEventListener('abort', onAbort);
    return {
      startedAt: startedAt - (from?.seconds ?? 0) * 1000,
      signal,
      detach: () => signal?.removeEventListener('abort', onAbort),
      order: from ? replayOrder(data.training.count, this.config.seed, from) : identityOrder(data.training.count),
      batches,
      tracker,
      callbacks,
      epochsRun: from?.epoch ?? 0,
      lastGoodEpoch: from?.epoch ?? 0,
      lastGood: this.network.snapshot(),
      final: from ? { ...from.final } : {},
      ...(from?.best && { best: { ...from.best } }),
    };
  }

  /** Puts the engine, η and the generators where a checkpoint left them (the run state follows in start()). */
  private restoreState(from: TrainerCheckpoint): void {
    if (!this.engine.importState) throw new Error(`engine ${this.engine.name} cannot continue from a checkpoint`);
    this.engine.importState(from.engine);
    this.eta = from.eta;
    this.rng.setState(from.rng);
  }

  private bestWeightsOf(callbacks: CallbackList): BestWeights<Gradients> | undefined {
    return callbacks.callbacks.find((c): c is BestWeights<Gradients> => c instanceof BestWeights);
  }

  /** The state after `epoch`, for the checkpoint listeners. */
  private checkpoint(epoch: number, run: RunState): TrainerCheckpoint {
    if (!this.engine.exportState) throw new Error(`engine ${this.engine.name} cannot export a checkpoint`);
    const kept = this.bestWeightsOf(run.callbacks)?.kept;
    return {
      epoch,
      eta: this.eta,
      seconds: (now() - run.startedAt) / 1000,
      tracker: run.tracker.exportState(),
      final: { ...run.final },
      ...(run.best && { best: { ...run.best } }),
      rng: this.rng.getState(),
      engine: this.engine.exportState(),
      ...(kept && { bestWeights: kept }),
    };
  }

  /** Trains and monitors one epoch; returns why the run ends here, or undefined to go on. */
  private async runEpoch(epoch: number, run: RunState): Promise<StopReason | undefined> {
    this.rng.shuffle.shuffle(run.order);
    const trainSeconds = await this.trainEpoch(epoch, run);
    if (trainSeconds === undefined) return 'aborted';
    run.epochsRun = epoch;
    const { metrics, evalSeconds, predictions } = await this.monitor();
    if (this.diverged(metrics, run)) return 'diverged';
    run.final = metrics;

    const state = run.tracker.observe(monitoredValue(metrics, this.config.monitor));
    if (state.improved) run.best = metrics;
    this.emit({
      type: 'epoch',
      epoch,
      metrics,
      learningRate: this.eta,
      trainSeconds,
      evalSeconds,
      bestEpoch: state.bestEpoch,
      bestMetrics: run.best ?? {},
      epochsSinceImprovement: state.epochsSinceImprovement,
      ...(predictions ? { predictions } : {}),
    });
    // The callbacks act after the epoch event, which so shows the tracker as this epoch left it
    // (a halving restarts the patience window afterwards) and the η the epoch trained with.
    const requests = run.callbacks.epochEnd(epoch, metrics, this.eta);
    if (!requests.stop && requests.eta !== undefined) {
      this.emit({ type: 'lr', epoch, from: this.eta, to: requests.eta });
      this.eta = requests.eta;
    }
    if (this.checkpointListeners.size > 0) {
      const checkpoint = this.checkpoint(epoch, run);
      for (const listener of this.checkpointListeners) listener(checkpoint);
    }
    if (requests.stop) return requests.stop;
    // Short epochs never reach yieldEveryMs inside an epoch: yield once per epoch too, so signal
    // handlers (Ctrl-C), timers and keys are served between epochs however small the run.
    await yieldToEventLoop();
    return run.signal?.aborted && epoch < this.config.epochs ? 'aborted' : undefined;
  }

  /** Non-finite parameters or metrics: puts back the last good parameters. Otherwise keeps these. */
  private diverged(metrics: EpochMetrics, run: RunState): boolean {
    if (this.network.hasFiniteParameters() && Object.values(metrics).every((v) => Number.isFinite(v))) {
      run.lastGood = this.network.snapshot();
      run.lastGoodEpoch = run.epochsRun;
      return false;
    }
    this.network.restore(run.lastGood);
    this.engine.push();
    return true;
  }

  private finish(reason: StopReason, run: RunState): DoneEvent {
    run.detach();
    run.callbacks.trainEnd(reason);
    const final = this.evaluateAtEnd(reason, run);
    const done: DoneEvent = {
      type: 'done',
      reason,
      epochs: run.epochsRun,
      bestEpoch: run.best ? run.tracker.current.bestEpoch : run.lastGoodEpoch,
      best: run.best ?? final,
      final,
      seconds: (now() - run.startedAt) / 1000,
    };
    this.emit(done);
    return done;
  }

  /**
   * The final metrics. When nothing held-out was monitored per epoch (e.g. the more-data runs), the
   * held-out set is measured once here: an 'evaluation' event, folded into the final metrics.
   */
  private evaluateAtEnd(reason: StopReason, run: RunState): EpochMetrics {
    const { validation } = this.data;
    const needed = run.epochsRun > 0 && reason !== 'diverged' && !run.best && run.final.validationAccuracy === undefined;
    if (!validation || validation.count === 0 || !needed) return run.final;
    const end = this.evaluate(validation, true, this.predictionRequest);
    this.emit({ type: 'evaluation', ...end });
    return { ...run.final, validationCost: end.cost, validationAccuracy: end.accuracy };
  }

  /** One training pass; returns its wall seconds (pauses excluded), or undefined when aborted. */
  private trainEpoch(epoch: number, run: RunState): Promise<number | undefined> {
    const { config, data } = this;
    const settings: TrainSettings = {
      eta: this.eta,
      momentum: config.momentum,
      penalties: this.penalties,
      trainingSize: data.training.count,
      batchSize: config.batchSize,
      dropout: config.dropout,
    };
    return trainInSlices(this.engine, data.training, {
      order: run.order,
      batches: run.batches,
      settings,
      yieldEveryMs: this.yieldEveryMs,
      progressEveryMs: this.batchEventEveryMs,
      onProgress: (batch, examplesPerSecond) =>
        this.emit({ type: 'batch', epoch, batch, batches: run.batches, examplesPerSecond }),
      pausedUntil: () => this.pausedUntil?.promise,
      signal: run.signal,
    });
  }

  private monitor(): Promise<EpochMonitoring> {
    const { config, data, network } = this;
    return monitorEpoch({
      engine: this.engine,
      config,
      training: data.training,
      validation: data.validation,
      penalties: this.penalties,
      weights: network.weights,
      outputSize: network.outputSize,
      yieldEveryMs: this.yieldEveryMs,
      predictions: this.predictionRequest,
    });
  }

  private emit(event: TrainerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
