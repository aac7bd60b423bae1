// Which runs `netdash reproduce` makes: the presets (the same as the TUI menu) with K seeds each,
// and in a quick run the documented caps. Seed k of a run is the preset's seed + k.
import type { EngineKind } from '../../core/engines.js';
import { EXPERIMENTS, findExperiment, type Experiment, type ExperimentRun } from '../../core/experiments.js';
import type { TrainConfig } from '../../core/types.js';
import { configForRun } from '../app/runSetup.js';

/** How a row is judged. */
export type RowRule = 'accuracy' | 'weight-initialization' | 'learning-rates' | 'more-data' | 'slowdown' | 'none';

export interface RunSettings {
  trainingSize?: number;
  validationSize?: number;
  /** First N test images (quick runs only). */
  testSize?: number;
  expand?: boolean;
  /** On top of the preset: the seed and, in a quick run, the epoch caps. */
  overrides: Partial<TrainConfig>;
  /** Evaluate the held-out set once after training (runs that monitor nothing per epoch). */
  evaluateAtEnd: boolean;
}

/** One training run, serializable (it may be sent to a worker thread). */
export interface RunTask {
  /** File-name-safe and unique: `<experiment>-run<k>-seed<seed>`. */
  key: string;
  experimentId: string;
  runIndex: number;
  seedIndex: number;
  seed: number;
  settings: RunSettings;
  epochs: number;
  /** Estimated multiply-adds, for the ETA and for scheduling the longest runs first. */
  work: number;
  engine?: EngineKind;
  /** Record the run in this runs folder (see src/ui/app/runsRecorder.ts). */
  runsDir?: string;
}

export interface ExperimentPlan {
  experiment: Experiment;
  rule: RowRule;
  seeds: number[];
  /** Indexes of the preset's runs that are made (a quick more-data run skips the large sizes). */
  runIndexes: number[];
  tasks: RunTask[];
  /** Deviations from the book's set-up, printed with the report. */
  notes: string[];
}

export interface ReproducePlan {
  quick: boolean;
  experiments: ExperimentPlan[];
  tasks: RunTask[];
  totalWork: number;
}

export const DEFAULT_SEEDS = 3;
const MNIST_TRAINING = 50_000;
/** The per-example cost that does not grow with the weights, in weight units (see estimateWork). */
const FIXED_COST_PER_EXAMPLE = 50_000;
const MNIST_HELD_OUT = 10_000;

/** The caps of `--quick` (a check that the command works, not a reproduction). */
export const QUICK = {
  fullDataTrainingSize: 1000,
  validationSize: 1000,
  testSize: 1000,
  fullDataEpochs: 3,
  smallDataEpochs: 30,
  moreDataMaxSize: 1000,
  moreDataExamplesPerRun: 20_000,
} as const;

export function quickDescription(): string {
  return (
    `QUICK RUN — not the book's set-up: full-data runs train on ${QUICK.fullDataTrainingSize.toLocaleString('en-US')} images ` +
    `for at most ${QUICK.fullDataEpochs} epochs, 1,000-image runs for at most ${QUICK.smallDataEpochs} epochs, held-out sets cut to ` +
    `${QUICK.validationSize.toLocaleString('en-US')} images, more-data only N ≤ ${QUICK.moreDataMaxSize.toLocaleString('en-US')} ` +
    `with ${QUICK.moreDataExamplesPerRun.toLocaleString('en-US')} examples per run. Verdicts compare this reduced run with the book's full one.`
  );
}

export function ruleOf(experiment: Experiment): RowRule {
  if (experiment.neuron && experiment.neuron.length > 0) return 'slowdown';
  const figures = experiment.runs.map((run) => run.bookCurve?.figure);
  if (figures.some((f) => f === 'weight_initialization_30' || f === 'weight_initialization_100')) return 'weight-initialization';
  if (figures.includes('multiple_eta')) return 'learning-rates';
  if (figures.includes('more_data')) return 'more-data';
  if (experiment.runs.some((run) => run.book)) return 'accuracy';
  return 'none';
}

/** The experiments run when --only is not given: every preset the book gives a figure or a rule for. */
export function defaultExperimentIds(): string[] {
  return EXPERIMENTS.filter((experiment) => ruleOf(experiment) !== 'none').map((experiment) => experiment.id);
}

function weightCount(sizes: readonly number[]): number {
  let count = 0;
  for (let i = 1; i < sizes.length; i++) count += sizes[i - 1]! * sizes[i]!;
  return count;
}

/**
 * Relative cost of a run, for the ETA and for starting the longest runs first. A training example
 * counts as two evaluations; an example's cost grows with the weights plus a fixed part (the fast
 * engine skips zero pixels and has per-example overhead), measured roughly on the wasm engine.
 */
export function estimateWork(config: TrainConfig, trainingCount: number, heldOutCount: number, evaluateAtEnd: boolean): number {
  const evaluatedPerEpoch =
    (config.monitorTrainingCost || config.monitorTrainingAccuracy ? trainingCount : 0) +
    (config.monitorValidationCost || config.monitorValidationAccuracy ? heldOutCount : 0);
  const passes = config.epochs * (2 * trainingCount + evaluatedPerEpoch) + (evaluateAtEnd ? heldOutCount : 0);
  return passes * (weightCount(config.sizes) + FIXED_COST_PER_EXAMPLE);
}

function isFullData(run: ExperimentRun): boolean {
  return run.trainingSize === undefined;
}

function settingsFor(experiment: Experiment, run: ExperimentRun, quick: boolean): RunSettings {
  const base = configForRun(run);
  const evaluateAtEnd = !base.monitorValidationAccuracy && !base.monitorValidationCost;
  const settings: RunSettings = { trainingSize: run.trainingSize, expand: run.expand, overrides: {}, evaluateAtEnd };
  if (!quick) return settings;
  settings.validationSize = QUICK.validationSize;
  settings.testSize = QUICK.testSize;
  if (ruleOf(experiment) === 'more-data') {
    settings.overrides.epochs = Math.max(1, Math.round(QUICK.moreDataExamplesPerRun / (run.trainingSize ?? MNIST_TRAINING)));
  } else if (isFullData(run)) {
    settings.trainingSize = QUICK.fullDataTrainingSize;
    settings.overrides.epochs = Math.min(base.epochs, QUICK.fullDataEpochs);
  } else {
    settings.overrides.epochs = Math.min(base.epochs, QUICK.smallDataEpochs);
  }
  return settings;
}

export interface PlanRequest {
  /** Experiment ids (already validated); undefined = the default set. */
  only?: readonly string[];
  /** Seeds per run; undefined = DEFAULT_SEEDS. */
  seeds?: number;
  quick: boolean;
  engine?: EngineKind;
}

export function buildPlan(request: PlanRequest): ReproducePlan {
  const ids = request.only ?? defaultExperimentIds();
  const experiments = ids.map((id) => {
    const experiment = findExperiment(id);
    if (!experiment) throw new Error(`unknown experiment ${id}`);
    return planExperiment(experiment, request);
  });
  const tasks = experiments.flatMap((plan) => plan.tasks);
  return { quick: request.quick, experiments, tasks, totalWork: tasks.reduce((sum, task) => sum + task.work, 0) };
}

function planExperiment(experiment: Experiment, request: PlanRequest): ExperimentPlan {
  const rule = ruleOf(experiment);
  const notes: string[] = [];
  if (rule === 'slowdown') {
    notes.push('one sigmoid neuron: deterministic gradient descent, no seeds');
    return { experiment, rule, seeds: [], runIndexes: [], tasks: [], notes };
  }
  const seedCount = request.seeds ?? DEFAULT_SEEDS;
  let runIndexes = experiment.runs.map((_, i) => i);
  if (request.quick && rule === 'more-data') {
    runIndexes = runIndexes.filter((i) => (experiment.runs[i]!.trainingSize ?? MNIST_TRAINING) <= QUICK.moreDataMaxSize);
  }
  const baseSeed = configForRun(experiment.runs[0] ?? { label: '', config: {}, heldOut: 'validation' }).seed;
  const seeds = Array.from({ length: seedCount }, (_, k) => baseSeed + k);
  const tasks: RunTask[] = [];
  for (const runIndex of runIndexes) {
    const run = experiment.runs[runIndex]!;
    const settings = settingsFor(experiment, run, request.quick);
    seeds.forEach((_, seedIndex) => {
      const overrides = { ...settings.overrides, seed: configForRun(run).seed + seedIndex };
      const config = configForRun(run, overrides);
      const trainingCount = (settings.trainingSize ?? MNIST_TRAINING) * (settings.expand ? 5 : 1);
      const heldOutCount = (run.heldOut === 'test' ? settings.testSize : settings.validationSize) ?? MNIST_HELD_OUT;
      tasks.push({
        key: `${experiment.id}-run${runIndex + 1}-seed${overrides.seed}`,
        experimentId: experiment.id,
        runIndex,
        seedIndex,
        seed: overrides.seed,
        settings: { ...settings, overrides },
        epochs: config.epochs,
        work: estimateWork(config, trainingCount, heldOutCount, settings.evaluateAtEnd),
        engine: request.engine,
      });
    });
  }
  return { experiment, rule, seeds, runIndexes, tasks, notes };
}
