// From a menu choice and the settings form to the list of runs the dashboard will train, one
// after the other. Configs come only from configForRun and requests are checked by the app layer
// (checkRequest), its problems worded with the form's labels; the runs themselves are built later
// by prepareDashboardRun (useTrainer).
import type { BookCurveRef, Experiment, ExperimentRun, HeldOut } from '../../../core/experiments.js';
import type { TrainConfig } from '../../../core/types.js';
import type { Datasets } from '../../../data/load.js';
import { describeRequestProblem, inWords, type FieldWords, type RequestField } from '../../app/requestError.js';
import { MNIST_SHAPE, checkRequest, configForRun, type RunRequest } from '../../app/runRequest.js';
import { prepareRun, type PreparedRun } from '../../app/runSetup.js';
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

/** The form field a request problem belongs to (the sizes field for keys the form does not show). */
function formKeyOf(field: RequestField): FormKey {
  return FIELDS.some((f) => f.key === field) ? (field as FormKey) : 'sizes';
}

/** The form's words: a field's label. */
const labelWords: FieldWords = (field) => ({ name: fieldSpec(formKeyOf(field)).label });

/** prepareRun, with a problem found against the data (a training size beyond a small folder) worded by label. */
export function prepareDashboardRun(request: RunRequest, datasets?: Datasets): PreparedRun {
  try {
    return prepareRun(request, datasets);
  } catch (error) {
    throw inWords(error, labelWords);
  }
}

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
    const trainingSize = cappedSize(
      'trainingSize' in parsed.extras ? parsed.extras.trainingSize : run.trainingSize,
      options.dataOptions?.trainingSize,
    );
    const request: RunRequest = {
      config: configForRun(run, { ...options.presetOverrides, ...parsed.overrides }),
      heldOut: parsed.extras.heldOut ?? run.heldOut,
      trainingSize,
      validationSize: options.dataOptions?.validationSize,
      expand: parsed.extras.expand ?? run.expand ?? false,
      dataDir: options.dataDir,
      yieldEveryMs: YIELD_EVERY_MS,
    };
    // Any MNIST-format folder has 784 inputs and 10 classes; checked again once loaded.
    for (const problem of checkRequest(request, MNIST_SHAPE)) {
      const text = describeRequestProblem(problem, labelWords);
      if (!seen.has(text)) problems.push({ key: formKeyOf(problem.field), text });
      seen.add(text);
    }
    const changes = changed.map((key) => `${fieldSpec(key).label}=${current[key] || fieldSpec(key).blank}`);
    return {
      label: changes.length > 0 ? `${run.label} (${changes.join(', ')})` : run.label,
      request,
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
