// The seam where recorded runs plug in (the runs issue): every trial asks here for its run folder
// before it trains. Until runs can be recorded there is none (`runDir: null`); then this opens
// `<runsDir>/<trial key>/`, records the trainer's events and checkpoints into it, and — when the
// folder already holds a checkpoint (a worker killed mid-trial) — hands back the state to resume.
import type { Trainer } from '../../core/trainer.js';
import type { DoneEvent } from '../../core/types.js';
import type { TrainPlan } from '../cli/trainPlan.js';

export interface TrialRecording {
  /** The trial's run folder, reported in trial-done; null while runs are not recorded. */
  runDir: string | null;
  /** Called once training ended (also after a divergence). */
  finish(done: DoneEvent): void;
}

/** What a trial's record is opened with: its key names the folder; `runsDir` is this process's own. */
export interface TrialRecordRequest {
  key: string;
  /** The sweep's or the worker's own --runs-dir, never a path from a job. */
  runsDir?: string;
  plan: TrainPlan;
  trainer: Trainer;
}

/** Opens the trial's record: nothing yet (runDir null) until recorded runs exist. */
export function openTrialRecord(request: TrialRecordRequest): TrialRecording {
  void request;
  return { runDir: null, finish: () => {} };
}
