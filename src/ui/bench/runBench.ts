// `netdash bench`: the reference workloads, then the memory check, with the machine they ran on.
import { execFileSync } from 'node:child_process';
import { cpus, platform } from 'node:os';
import type { EngineKind } from '../../core/engines.js';
import { loadDatasets } from '../../data/load.js';
import { runMemoryCheck, type MemoryCheckResult } from './memoryCheck.js';
import { measureParallelTrials, PARALLEL_TRIALS, type ParallelTrialsResult } from './parallelTrials.js';
import { measureWorkload, type WorkloadResult } from './measure.js';
import { measurePredictionsOverhead, type PredictionsOverhead } from './predictionsOverhead.js';
import { measureRecordingCost, type RecordingCost } from './recordingCost.js';
import { BENCH_SETTINGS, WORKLOADS, workloadName } from './workloads.js';

export interface BenchOptions {
  engine: EngineKind;
  /** Measured epochs per workload, after one warm-up epoch. */
  epochs: number;
  memoryCheck: boolean;
  /** Progress lines (the report itself is returned). */
  progress?: (line: string) => void;
  /** Measures the dashboard's frame time (handed in by src/ui/main.ts). */
  dashboardFrames?: () => Promise<DashboardFrameTimes[]>;
}

/** The dashboard's frame time at one terminal size: a 400-epoch run in view 4. */
export interface DashboardFrameTimes {
  size: string;
  columns: number;
  rows: number;
  epochs: number;
  view: number;
  /** A key's frame (the charts' data unchanged) and an epoch's frame (every chart redrawn), in ms. */
  keyFrameMs: { median: number; p95: number };
  epochFrameMs: { median: number; p95: number };
}

export interface BenchReport {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  /** `git describe`-like commit of the working tree, "+modified" when it has local changes. */
  commit: string;
  engineRequested: EngineKind;
  settings: typeof BENCH_SETTINGS;
  workloads: WorkloadResult[];
  /** What recording the held-out predictions each epoch costs (the dashboard's inspection views). */
  predictionsOverhead?: PredictionsOverhead;
  /** What recording a run (netdash-runs/) costs per epoch on the first workload. */
  recording?: RecordingCost;
  /** Peak resident memory of the benchmark process. */
  peakRssBytes: number;
  memoryCheck?: MemoryCheckResult;
  memoryCheckError?: string;
  /** Equal sweep trials on the worker pool, --jobs 1 against --jobs 2. */
  parallelTrials?: ParallelTrialsResult;
  dashboardFrames?: DashboardFrameTimes[];
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const progress = options.progress ?? (() => {});
  const datasets = loadDatasets({ trainingSize: BENCH_SETTINGS.trainingSize, validationSize: BENCH_SETTINGS.validationSize });
  const workloads: WorkloadResult[] = [];
  for (const workload of WORKLOADS) {
    progress(`${workloadName(workload)}: ${options.epochs + 1} epochs…`);
    workloads.push(await measureWorkload(workload, datasets, options.engine, options.epochs));
  }
  progress(`${workloadName(WORKLOADS[0]!)}: without and with the held-out predictions recorded…`);
  const predictionsOverhead = await measurePredictionsOverhead(datasets, options.engine, options.epochs);
  progress(`recording cost: ${workloadName(WORKLOADS[0]!)} recorded, ${options.epochs + 1} epochs…`);
  const recording = await measureRecordingCost(datasets, options.engine, options.epochs);
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    platform: `${platform()} ${process.arch}`,
    commit: currentCommit(),
    engineRequested: options.engine,
    settings: BENCH_SETTINGS,
    workloads,
    predictionsOverhead,
    recording,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  progress(`sweep trials: ${PARALLEL_TRIALS} equal trials with --jobs 1, then --jobs 2…`);
  report.parallelTrials = await measureParallelTrials(options.engine);
  if (options.dashboardFrames) {
    progress('dashboard frame time: 80×24 and 200×60, 400 epochs, view 4…');
    report.dashboardFrames = await options.dashboardFrames();
  }
  if (options.memoryCheck) {
    progress('memory check: the 250,000-image expanded set, one epoch…');
    try {
      report.memoryCheck = await runMemoryCheck(options.engine);
    } catch (error) {
      report.memoryCheckError = error instanceof Error ? error.message : String(error);
    }
  }
  return report;
}

function currentCommit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git(['rev-parse', '--short', 'HEAD']);
    return git(['status', '--porcelain', '--untracked-files=no']) === '' ? commit : `${commit}+modified`;
  } catch {
    return 'unknown';
  }
}
