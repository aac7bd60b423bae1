// `netdash train --resume RUN`: the recorded run's own request (config, data, engine), with only the
// flags that do not change what is trained: --epochs (to extend it), --save, --test, --fail-under,
// --json and --runs-dir. Anything else is refused, naming the flag.
import { findExperiment } from '../../core/experiments.js';
import { UsageError } from './errors.js';
import { findRun } from './runsIndex.js';
import { planResume } from './runsResume.js';
import { isWholeNumber, parseNumber } from './values.js';
import { TRAIN_FLAGS, argKey, type FlagSpec, type TrainArgs } from './trainOptions.js';
import type { Experiment, ExperimentRun } from '../../core/experiments.js';
import type { ResumePlan } from './runsResume.js';

/** What a resumed run trains: the recorded run's preset (if any), request and checkpoint. */
export interface ResumedTraining {
  experiment?: Experiment;
  run: ExperimentRun;
  variant: number;
  resume: ResumePlan;
}

const ALLOWED = new Set(['resume', 'epochs', 'save', 'test', 'fail-under', 'json', 'runs-dir']);

/** The recorded run named by --resume, checked; `failUnder` needs the accuracy the run monitors. */
export function planResumedTraining(args: TrainArgs, runsDir: string, failUnder: number | undefined): ResumedTraining {
  const problems: string[] = [];
  const taken = [...ALLOWED].filter((flag) => flag !== 'resume').map((flag) => `--${flag}`);
  for (const spec of TRAIN_FLAGS as readonly FlagSpec[]) {
    if (args[argKey(spec)] !== undefined && !ALLOWED.has(spec.flag)) {
      const flag = spec.flag === 'record' && args.record === false ? '--no-record' : `--${spec.flag}`;
      problems.push(
        `${flag}: not used with --resume (the run continues with its recorded settings); it takes ${taken.join(', ')}`,
      );
    }
  }
  let epochs: number | undefined;
  if (args.epochs !== undefined) {
    epochs = parseNumber(args.epochs);
    if (!isWholeNumber(epochs, 1)) problems.push(`--epochs: got ${args.epochs}; must be a whole number ≥ 1`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const resume = planResume(findRun(runsDir, args.resume ?? '', '--resume'), { epochs });
  const { description } = resume;
  if (failUnder !== undefined && !description.config.monitorValidationAccuracy) {
    throw new UsageError(`--fail-under: the run ${description.name} does not monitor the held-out accuracy it would gate on`);
  }
  const experiment = description.experiment ? findExperiment(description.experiment.id) : undefined;
  const variant = description.experiment?.variant ?? 1;
  const run = experiment?.runs[variant - 1] ?? { label: 'custom', config: {}, heldOut: resume.request.heldOut };
  return { experiment, run, variant, resume };
}
