// Records a dashboard run like `train` does (docs/runs.md): the same RunRecorder, source "dashboard".
// A resumed run continues in its own folder.
import type { ResumePlan } from '../../app/runsResume.js';
import { RunRecorder, recordedData } from '../../app/runsRecorder.js';
import type { PreparedRun } from '../../app/runSetup.js';
import type { RunRequest } from '../../app/runRequest.js';
import { packageVersion } from '../../app/version.js';
import { preparedContext } from '../../app/eventLines.js';

export interface RecordTarget {
  runsDir: string;
  experiment: { id: string; run: string; variant: number };
  request: RunRequest;
  resume?: ResumePlan;
}

/** The recorder of a prepared dashboard run; `stop` is called with the reason when a write fails. */
export function recordDashboardRun(target: RecordTarget, prepared: PreparedRun, stop: (reason: string) => void): RunRecorder {
  const { request, resume } = target;
  const { trainer } = prepared;
  return new RunRecorder({
    runsDir: target.runsDir,
    source: 'dashboard',
    trainer,
    context: {
      ...preparedContext(prepared, packageVersion()),
      experiment: resume?.description.experiment ?? target.experiment,
      ...(resume && { resumedAfter: resume.checkpoint.epoch }),
    },
    data: recordedData(request, prepared),
    stop,
    ...(resume && { resume: { dir: resume.dir, description: resume.description, afterEpoch: resume.checkpoint.epoch } }),
  });
}
