// Records a run into its folder (docs/runs.md) as it trains: a trainer listener buffers each epoch's
// event lines and metrics row, and the trainer's per-epoch checkpoint hook writes them (appended and
// handed to the OS), the best network when the monitored metric improved, and the checkpoint
// (atomically, last: a run killed at any moment resumes from a checkpoint whose epochs are all in the
// files). A failed write (a full disk) stops the run through `stop` with the reason; the previous
// checkpoint stays intact.
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { TrainerCheckpoint } from '../../core/checkpoint.js';
import { serializeNetwork } from '../../core/modelFormat.js';
import type { Trainer } from '../../core/trainer.js';
import type { TrainerEvent } from '../../core/types.js';
import { writeFileAtomic } from '../../data/files.js';
import {
  METRICS_HEADER,
  RUN_FILES,
  RUN_FORMAT,
  RUN_FORMAT_VERSION,
  appendLines,
  createRunFolder,
  metricsRow,
  readLines,
  readMetrics,
  rewriteLines,
  syncFile,
  writeDescription,
  type RunDescription,
  type RunStatus,
} from '../../data/runs.js';
import { checkpointWriter, type WriteCheckpoint } from './checkpointWriter.js';
import { firstLine } from './errors.js';
import type { RunRequest } from './runRequest.js';
import type { PreparedRun } from './runSetup.js';
import { doneLine, eventLine, type RunContext, type RunSummary } from './eventLines.js';

/** How often the costlier writes happen at most: the best network as JSON, a checkpoint synced to disk. */
const DURABLE_EVERY_MS = 10_000;

export interface RecordOptions {
  runsDir: string;
  /** What started the run: train, reproduce, dashboard. */
  source: string;
  trainer: Trainer;
  context: RunContext;
  data: RunDescription['data'];
  /** Asked to end the run when recording fails (e.g. abort its controller); gets the reason. */
  stop: (reason: string) => void;
  /** Continue this recorded run (train --resume) instead of creating a folder. */
  resume?: { dir: string; description: RunDescription; afterEpoch: number };
  /** Record into this empty folder, created by the caller (a sweep's trial), instead of a new unique one. */
  folder?: { path: string; name: string };
  /** Replaced in tests to simulate a full disk. */
  writeCheckpoint?: WriteCheckpoint;
}

export class RunRecorder {
  readonly dir: string;
  readonly name: string;
  /** Why recording failed (the run was asked to stop), if it did. */
  failure: string | undefined;

  private description: RunDescription;
  private pending: string[] = [];
  private pendingRows: string[] = [];
  private networkEpoch = 0;
  private networkWrittenAt = -Infinity;
  private syncedAt = -Infinity;
  private readonly detach: () => void;
  private readonly writeCheckpointFile: WriteCheckpoint;
  private readonly closeWriter: () => Promise<void>;
  /** The checkpoint being written, and the newest one waiting for it (older waiting ones are skipped). */
  private writing: Promise<void> | undefined;
  private waiting: TrainerCheckpoint | undefined;

  /** Creates (or reopens) the run folder and writes its description; throws a DataError when it cannot. */
  constructor(private readonly options: RecordOptions) {
    const { trainer, context } = options;
    const writer = options.writeCheckpoint ? { write: options.writeCheckpoint, close: async () => {} } : checkpointWriter();
    this.writeCheckpointFile = writer.write;
    this.closeWriter = writer.close;
    if (options.resume) {
      this.dir = options.resume.dir;
      this.description = reopened(options.resume.description, options.resume.afterEpoch, trainer, context.version);
      this.name = this.description.name;
      keepEpochs(this.dir, options.resume.afterEpoch);
    } else {
      const label = context.experiment?.id ?? 'custom';
      const folder = options.folder ?? createRunFolder(options.runsDir, label);
      this.dir = resolve(folder.path);
      this.name = folder.name;
      this.description = created(folder.name, options, trainer);
      rewriteLines(this.dir, RUN_FILES.metrics, [METRICS_HEADER]);
    }
    writeDescription(this.dir, this.description);
    const recorded = { ...context, runDir: this.dir };
    const unsubscribe = trainer.on((event) => this.onEvent(event, recorded));
    const unhook = trainer.onCheckpoint((checkpoint) => this.onCheckpoint(checkpoint));
    this.detach = () => (unsubscribe(), unhook());
  }

  private onEvent(event: TrainerEvent, context: RunContext): void {
    const line = eventLine(event, context);
    if (line) this.pending.push(JSON.stringify(line));
    if (event.type === 'start') this.flush(() => {});
    if (event.type === 'epoch') {
      const { metrics } = event;
      this.pendingRows.push(
        metricsRow({
          epoch: event.epoch,
          ...metrics,
          learningRate: event.learningRate,
          trainSeconds: event.trainSeconds,
          evalSeconds: event.evalSeconds,
          bestEpoch: event.bestEpoch,
        }),
      );
    }
  }

  private onCheckpoint(checkpoint: TrainerCheckpoint): void {
    this.flush(() => {
      const now = performance.now();
      // The best network as JSON costs more than a short epoch: at most every DURABLE_EVERY_MS, and at the end.
      if (checkpoint.tracker.improved && now - this.networkWrittenAt >= DURABLE_EVERY_MS) {
        writeFileAtomic(join(this.dir, RUN_FILES.network), serializeNetwork(this.options.trainer.network));
        this.networkEpoch = checkpoint.epoch;
        this.networkWrittenAt = now;
      }
      this.waiting = checkpoint;
      this.writing ??= this.writeWaiting();
    });
  }

  /**
   * Writes the waiting checkpoints one after the other, off the training thread: each is atomic (it
   * survives kill -9), and flushed to disk at most every DURABLE_EVERY_MS. Events are appended before
   * the checkpoint of their epoch, so a resume never lacks an epoch's lines (it drops later ones).
   */
  private async writeWaiting(): Promise<void> {
    try {
      for (let checkpoint = this.waiting; checkpoint && this.failure === undefined; checkpoint = this.waiting) {
        this.waiting = undefined;
        const now = performance.now();
        const sync = now - this.syncedAt >= DURABLE_EVERY_MS;
        await this.writeCheckpointFile(join(this.dir, RUN_FILES.checkpoint), checkpoint, { extra: { run: this.name }, sync });
        if (sync) this.syncedAt = now;
      }
    } catch (error) {
      this.failure ??= firstLine(error);
      this.options.stop(this.failure);
    } finally {
      this.writing = undefined;
    }
  }

  /** Writes the buffered lines, then `more`; the first failure stops the run and further recording. */
  private flush(more: () => void): void {
    if (this.failure !== undefined) return;
    try {
      appendLines(this.dir, RUN_FILES.events, this.pending);
      this.pending = [];
      appendLines(this.dir, RUN_FILES.metrics, this.pendingRows);
      this.pendingRows = [];
      more();
    } catch (error) {
      this.failure = firstLine(error);
      this.options.stop(this.failure);
    }
  }

  /**
   * Ends the record once the last checkpoint is written: the done line, the final network when it is
   * not the one on disk, and the description with the status and result. Never rejects: a failure is
   * returned as one line.
   */
  async finish(summary: RunSummary): Promise<string | undefined> {
    this.detach();
    const { done } = summary;
    while (this.writing) await this.writing;
    await this.closeWriter();
    try {
      if (this.failure === undefined) {
        appendLines(this.dir, RUN_FILES.events, [...this.pending, JSON.stringify(doneLine(summary))]);
        syncFile(this.dir, RUN_FILES.events);
        if (done.bestEpoch > 0 && done.bestEpoch !== this.networkEpoch) {
          writeFileAtomic(join(this.dir, RUN_FILES.network), serializeNetwork(this.options.trainer.network));
        }
      }
      const status: RunStatus = done.reason;
      this.description = {
        ...this.description,
        status,
        ...(this.failure !== undefined && { stopMessage: `recording failed: ${this.failure}` }),
        endedAt: new Date().toISOString(),
        result: {
          epochs: done.epochs,
          bestEpoch: done.bestEpoch,
          best: done.best,
          final: done.final,
          ...(summary.testAccuracy !== undefined && { testAccuracy: summary.testAccuracy }),
          seconds: done.seconds,
        },
      };
      writeDescription(this.dir, this.description);
      return undefined;
    } catch (error) {
      return firstLine(error);
    }
  }
}

function created(name: string, options: RecordOptions, trainer: Trainer): RunDescription {
  const { context } = options;
  return {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    name,
    netdashVersion: context.version,
    source: options.source,
    status: 'running',
    startedAt: new Date().toISOString(),
    pid: process.pid,
    host: hostname(),
    ...(context.experiment && { experiment: context.experiment }),
    config: trainer.config,
    data: options.data,
    engine: trainer.engineName,
    ...(context.loadedFrom !== undefined && { loadedFrom: context.loadedFrom }),
    resumes: [],
  };
}

function reopened(description: RunDescription, afterEpoch: number, trainer: Trainer, version: string): RunDescription {
  const rest: RunDescription = { ...description };
  delete rest.endedAt;
  delete rest.result;
  delete rest.stopMessage;
  return {
    ...rest,
    status: 'running',
    pid: process.pid,
    host: hostname(),
    config: trainer.config,
    netdashVersion: version,
    resumes: [...description.resumes, { at: new Date().toISOString(), afterEpoch, netdashVersion: version }],
  };
}

/** Drops what a killed run wrote after its checkpoint's epoch (and the done line of a stopped one). */
function keepEpochs(dir: string, epoch: number): void {
  const kept = readLines(dir, RUN_FILES.events).lines.filter((line) => {
    try {
      const event = JSON.parse(line) as { type?: string; epoch?: number };
      return event.type === 'start' || ((event.type === 'epoch' || event.type === 'lr') && (event.epoch ?? Infinity) <= epoch);
    } catch {
      return false;
    }
  });
  rewriteLines(dir, RUN_FILES.events, kept);
  const rows = readMetrics(dir).rows.filter((row) => (row.epoch ?? Infinity) <= epoch);
  rewriteLines(dir, RUN_FILES.metrics, [METRICS_HEADER, ...rows.map(metricsRow)]);
}

/** What a run's description says about its data: the sets as prepared and the subsets asked for. */
export function recordedData(request: RunRequest, prepared: PreparedRun): RunDescription['data'] {
  const { datasets } = prepared;
  return {
    dir: request.dataDir === undefined ? null : datasets.source,
    trainingSize: datasets.training.count,
    validationSize: prepared.heldOut.count,
    ...(request.trainingSize !== undefined && { trainingSubset: request.trainingSize }),
    ...(request.validationSize !== undefined && { validationSubset: request.validationSize }),
    expand: request.expand ?? false,
    heldOut: prepared.heldOutName,
    testSize: datasets.test.count,
  };
}
