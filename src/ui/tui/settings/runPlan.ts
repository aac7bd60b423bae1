// From a menu choice and the settings form to the list of runs the dashboard will train, one
// after the other. Configs come only from configForRun and are checked with validateConfig; the
// runs themselves are built later by prepareRun (useTrainer).
import { describeProblem, validateConfig } from '../../../core/config.js';
import type { BookCurveRef, Experiment, ExperimentRun, HeldOut } from '../../../core/experiments.js';
import type { TrainConfig } from '../../../core/types.js';
import { CLASS_COUNT, MNIST_INPUT_SIZE } from '../../../data/mnist.js';
import { configForRun, type RunRequest } from '../../app/runSetup.js';
import {
  FIELDS,
  changedKeys,
  fieldSpec,
  formFromConfig,
  parseFields,
  type FormKey,
  type FormProblem,
  type FormValues,
} from './settingsForm.js';

/** Data limits for quick runs (tests, demos): caps on the training and validation sets. */
export interface DataOptions {
  trainingSize?: number;
  validationSize?: number;
}

export interface PlanOptions {
  dataDir?: string;
  dataOptions?: DataOptions;
  /** Applied to every preset's config before the user's changes (tests use { epochs: 2 }). */
  presetOverrides?: Partial<TrainConfig>;
}

export interface PlannedRun {
  label: string;
  request: RunRequest;
  bookCurve?: BookCurveRef;
  /** Training images of the run (for the more-data bars). */
  trainingSize: number;
}

export interface RunPlan {
  /** Unique per plan, so the session's compare list can leave out this plan's own runs. */
  id: number;
  experimentId: string;
  title: string;
  heldOut: HeldOut;
  runs: PlannedRun[];
  /** Runs that differ by training-set size: shown as final accuracy against size. */
  bySize: boolean;
}

export const CUSTOM_EXPERIMENT: Experiment = {
  id: 'custom',
  group: 'Your own',
  title: 'Custom run',
  description: 'Any combination of the options, starting from the defaults: [784,30,10], cross-entropy, η=0.5, 30 epochs.',
  runs: [{ label: 'custom', config: {}, heldOut: 'validation' }],
};

const FULL_TRAINING_SIZE = 50_000;
/**
 * The trainer's longest stretch without yielding. A key is read at one yield and its frame drawn
 * at the next, so this bounds the dashboard's key latency (~2 × this + a frame).
 */
const YIELD_EVERY_MS = 25;

function cappedSize(size: number | undefined, cap: number | undefined): number | undefined {
  if (cap === undefined) return size;
  return Math.min(size ?? FULL_TRAINING_SIZE, cap);
}

function formOfRun(run: ExperimentRun, options: PlanOptions): FormValues {
  return formFromConfig(configForRun(run, options.presetOverrides), {
    trainingSize: cappedSize(run.trainingSize, options.dataOptions?.trainingSize),
    expand: run.expand ?? false,
    heldOut: run.heldOut,
  });
}

/** The form the settings screen opens with: the experiment's first run. */
export function initialForm(experiment: Experiment, options: PlanOptions = {}): FormValues {
  return formOfRun(experiment.runs[0]!, options);
}

/** Fields that differ between the experiment's runs (e.g. η in the η experiment). */
export function fieldsVaryingAcrossRuns(experiment: Experiment, options: PlanOptions = {}): FormKey[] {
  const forms = experiment.runs.map((run) => formOfRun(run, options));
  return FIELDS.map((field) => field.key).filter((key) => forms.some((form) => form[key] !== forms[0]![key]));
}

let nextPlanId = 1;

export type PlanResult = { plan: RunPlan; problems: [] } | { plan?: undefined; problems: FormProblem[] };

/**
 * The runs to train: each preset run with the fields the user changed (relative to `initial`)
 * applied on top, so "epochs = 10" shortens all three η runs but keeps their three η.
 */
export function buildPlan(
  experiment: Experiment,
  initial: FormValues,
  current: FormValues,
  options: PlanOptions = {},
): PlanResult {
  const changed = changedKeys(initial, current);
  const parsed = parseFields(current, changed);
  if (parsed.problems.length > 0) return { problems: parsed.problems };

  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const runs = experiment.runs.map((run): PlannedRun => {
    const config = configForRun(run, { ...options.presetOverrides, ...parsed.overrides });
    for (const problem of validateConfig(config, { inputSize: MNIST_INPUT_SIZE, classes: CLASS_COUNT })) {
      const key = (FIELDS.some((f) => f.key === problem.field) ? problem.field : 'sizes') as FormKey;
      const text = describeProblem(problem, fieldSpec(key).label);
      if (!seen.has(text)) problems.push({ key, text });
      seen.add(text);
    }
    const trainingSize = cappedSize(
      'trainingSize' in parsed.extras ? parsed.extras.trainingSize : run.trainingSize,
      options.dataOptions?.trainingSize,
    );
    const changes = changed.map((key) => `${fieldSpec(key).label}=${current[key] || fieldSpec(key).blank}`);
    return {
      label: changes.length > 0 ? `${run.label} (${changes.join(', ')})` : run.label,
      request: {
        config,
        heldOut: parsed.extras.heldOut ?? run.heldOut,
        trainingSize,
        validationSize: options.dataOptions?.validationSize,
        expand: parsed.extras.expand ?? run.expand ?? false,
        dataDir: options.dataDir,
        yieldEveryMs: YIELD_EVERY_MS,
      },
      bookCurve: run.bookCurve,
      trainingSize: trainingSize ?? FULL_TRAINING_SIZE,
    };
  });
  if (problems.length > 0) return { problems };

  // Decided by the preset, not by data caps (which can make sizes equal in quick runs).
  const sizes = new Set(experiment.runs.map((run) => run.trainingSize));
  return {
    plan: {
      id: nextPlanId++,
      experimentId: experiment.id,
      title: experiment.title,
      heldOut: runs[0]!.request.heldOut,
      runs,
      bySize: runs.length > 1 && sizes.size === runs.length,
    },
    problems: [],
  };
}
