// From a menu choice and the settings form to the list of runs the dashboard will train, one
// after the other. Configs come only from configForRun and requests are checked by the app layer
// (checkRequest), its problems worded with the form's labels; the runs themselves are built later
// by prepareDashboardRun (useTrainer).
import type { BookCurveRef, Experiment, ExperimentRun, HeldOut } from '../../../core/experiments.js';
import type { TrainConfig, TrainerEvent } from '../../../core/types.js';
import type { Datasets } from '../../../data/load.js';
import { describeRequestProblem, inWords, type FieldWords, type RequestField } from '../../app/requestError.js';
import { MNIST_SHAPE, checkRequest, configForRun, type RunRequest } from '../../app/runRequest.js';
import type { ResumePlan } from '../../app/runsResume.js';
import type { MetricSeries } from '../dashboard/metrics.js';
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
  /** A recorded run's events, shown before (or, without `resume`, instead of) training. */
  replay?: TrainerEvent[];
  /** The recorded run's folder (reopened or resumed), left out of `c`. */
  recordedDir?: string;
  /** Continue this recorded run in its folder (Past runs, `r`). */
  resume?: ResumePlan;
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
  /** Recorded runs drawn as compared runs (Past runs, Enter), with `c` on from the start. */
  overlay?: { planId: number; label: string; heldOut: HeldOut; series: MetricSeries }[];
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

/** One form per run of the experiment, as the preset defines it. */
export function initialForms(experiment: Experiment, options: PlanOptions = {}): FormValues[] {
  return experiment.runs.map((run) => formOfRun(run, options));
}

/** Fields whose text differs between the forms (e.g. η in the η experiment). */
export function fieldsDiffering(forms: readonly FormValues[]): FormKey[] {
  return FIELDS.map((field) => field.key).filter((key) => forms.some((form) => form[key] !== forms[0]![key]));
}

/** Fields that differ between the experiment's runs (e.g. η in the η experiment). */
export function fieldsVaryingAcrossRuns(experiment: Experiment, options: PlanOptions = {}): FormKey[] {
  return fieldsDiffering(initialForms(experiment, options));
}

const assignment = (key: FormKey, form: FormValues) => `${fieldSpec(key).label}=${form[key] || fieldSpec(key).blank}`;

/**
 * A run's label from the configuration it really uses: the preset's label while the fields it is
 * named by are unchanged (plus what else changed), otherwise those fields' values.
 */
export function runLabel(
  presetLabel: string,
  namedBy: readonly FormKey[],
  changed: readonly FormKey[],
  form: FormValues,
): string {
  const renamed = changed.some((key) => namedBy.includes(key));
  const base = renamed ? namedBy.map((key) => assignment(key, form)).join(', ') : presetLabel;
  const others = changed.filter((key) => !renamed || !namedBy.includes(key));
  return others.length > 0 ? `${base} (${others.map((key) => assignment(key, form)).join(', ')})` : base;
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
    // The predictions (with all ten outputs) feed views 7–0.
    return prepareRun(request, datasets, { predictions: { outputs: true } });
  } catch (error) {
    throw inWords(error, labelWords);
  }
}

export type PlanResult = { plan: RunPlan; problems: [] } | { plan?: undefined; problems: FormProblem[] };

/**
 * The runs to train: each preset run with the fields the user changed in its form (relative to the
 * preset's form of that run) applied on top, so "epochs = 10" for all shortens the three η runs but
 * keeps their three η, and η changed in one run changes that run only.
 */
export function buildPlan(
  experiment: Experiment,
  initial: readonly FormValues[],
  forms: readonly FormValues[],
  options: PlanOptions = {},
): PlanResult {
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  const addProblem = (problem: FormProblem) => {
    if (!seen.has(problem.text)) problems.push(problem);
    seen.add(problem.text);
  };
  const namedBy = fieldsDiffering(initial);
  const runs = experiment.runs.map((run, index): PlannedRun | undefined => {
    const current = forms[index] ?? forms[0]!;
    const changed = changedKeys(initial[index] ?? initial[0]!, current);
    const parsed = parseFields(current, changed);
    if (parsed.problems.length > 0) {
      parsed.problems.forEach(addProblem);
      return undefined;
    }
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
      addProblem({ key: formKeyOf(problem.field), text: describeRequestProblem(problem, labelWords) });
    }
    return {
      label: runLabel(run.label, namedBy, changed, current),
      request,
      bookCurve: run.bookCurve,
      trainingSize: trainingSize ?? FULL_TRAINING_SIZE,
    };
  });
  if (problems.length > 0) return { problems };
  const planned = runs.filter((run): run is PlannedRun => run !== undefined);

  // Decided by the preset, not by data caps (which can make sizes equal in quick runs).
  const sizes = new Set(experiment.runs.map((run) => run.trainingSize));
  return {
    plan: {
      id: nextPlanId++,
      experimentId: experiment.id,
      title: experiment.title,
      heldOut: planned[0]!.request.heldOut,
      runs: planned,
      bySize: planned.length > 1 && sizes.size === runs.length,
    },
    problems: [],
  };
}
