// From `netdash train` flags to a run request: the preset (if any), the user's flags on top (read
// through TRAIN_FLAGS), and every problem that can be found before loading data, each named by its
// flag. The request itself is checked by the app layer (checkRequest); this file only words it.
import { saveTargetProblem } from '../../data/files.js';
import { DEFAULT_CONFIG } from '../../core/config.js';
import { EXPERIMENT_IDS, findExperiment, type Experiment, type ExperimentRun } from '../../core/experiments.js';
import type { SingleNeuronConfig } from '../../core/singleNeuron.js';
import type { TrainConfig } from '../../core/types.js';
import { UsageError } from './errors.js';
import { runsDirOf } from './runsIndex.js';
import type { ResumePlan } from './runsResume.js';
import { planResumedTraining } from './resumePlan.js';
import { describeRequestProblem, type FieldWords, type RequestField } from './requestError.js';
import { MNIST_SHAPE, checkRequest, configForRun, type RunRequest } from './runRequest.js';
import { isWholeNumber, lastText, listTexts, parseNumber, parseNumberList } from './values.js';
import { FLAG_OF_FIELD, TRAIN_FLAGS, argKey, type FlagKind, type FlagSpec, type TrainArgs } from './trainOptions.js';

/** How the user wrote a field: the flag and its text, echoed in error messages. */
export type TypedFields = Partial<Record<RequestField, { flag: string; text: string }>>;

export interface TrainPlan {
  experiment?: Experiment;
  /** The preset run trained (a synthetic 'custom' run without --experiment). */
  run: ExperimentRun;
  /** 1-based index of `run` among the preset's runs. */
  variant: number;
  request: RunRequest;
  typed: TypedFields;
  save?: string;
  test: boolean;
  failUnder?: number;
  json: boolean;
  /** The runs folder the run is recorded in; undefined with --no-record. */
  runsDir?: string;
  /** train --resume: the recorded run that continues. */
  resume?: ResumePlan;
}

/** The single-neuron demo (`--experiment slowdown`) instead of an MNIST run. */
export interface NeuronPlan {
  experiment: Experiment;
  configs: SingleNeuronConfig[];
  json: boolean;
}

const CUSTOM_RUN: ExperimentRun = { label: 'custom', config: {}, heldOut: 'validation' };

const FLAGS: readonly FlagSpec[] = TRAIN_FLAGS;

/** Flags the single-neuron demo understands; any other given flag is rejected. */
const NEURON_FLAGS = FLAGS.filter((spec) => spec.neuron);

/** Problems with the flags, one line each; collected so the user sees them all at once. */
class Problems {
  readonly lines: string[] = [];
  add(flag: string, text: string, allowed: string): void {
    this.lines.push(`${flag}: got ${text}; must be ${allowed}`);
  }
  throwIfAny(): void {
    if (this.lines.length > 0) throw new UsageError(this.lines.join('\n'));
  }
}

function wholeNumberFlag(
  problems: Problems,
  flag: string,
  text: string | undefined,
  allowed = 'a whole number ≥ 1',
): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (!isWholeNumber(n, 1)) problems.add(flag, text, allowed);
  return n;
}

function chooseExperiment(args: TrainArgs, problems: Problems): { experiment?: Experiment; variant: number } {
  if (args.experiment === undefined) {
    if (args.variant !== undefined) problems.lines.push('--variant: needs --experiment (it picks a run of a multi-run preset)');
    return { variant: 1 };
  }
  const experiment = findExperiment(args.experiment);
  if (!experiment) {
    problems.add('--experiment', args.experiment, `one of ${EXPERIMENT_IDS.join(', ')}`);
    return { variant: 1 };
  }
  const runs = experiment.neuron?.length ?? experiment.runs.length;
  const variant = wholeNumberFlag(problems, '--variant', args.variant) ?? 1;
  if (isWholeNumber(variant, 1) && variant > runs) {
    const labels = (experiment.neuron ?? experiment.runs).map((run, i) => `${i + 1}: ${run.label}`).join(', ');
    problems.add('--variant', String(args.variant), `a whole number 1..${runs} (${labels})`);
  }
  return { experiment, variant };
}

function planNeuron(args: TrainArgs, experiment: Experiment, variant: number): NeuronPlan {
  const problems = new Problems();
  const takes = NEURON_FLAGS.filter((spec) => spec.flag !== 'experiment').map((spec) => `--${spec.flag}`);
  const taken = `${takes.slice(0, -1).join(', ')} and ${takes.at(-1)}`;
  for (const spec of FLAGS) {
    if (args[argKey(spec)] !== undefined && !spec.neuron) {
      problems.lines.push(`--${spec.flag}: not used by --experiment ${experiment.id} (one neuron, not MNIST); it takes ${taken}`);
    }
  }
  const epochs = wholeNumberFlag(problems, '--epochs', args.epochs);
  problems.throwIfAny();
  const all = experiment.neuron ?? [];
  const chosen = args.variant === undefined ? all : [all[variant - 1]!];
  return { experiment, configs: chosen.map((c) => ({ ...c, epochs: epochs ?? c.epochs })), json: args.json ?? false };
}

/** DEFAULT_CONFIG has every config field as a key (patience as undefined); the rest are request keys. */
const isConfigField = (field: RequestField): field is keyof TrainConfig => field in DEFAULT_CONFIG;

/** What the flags set, read through TRAIN_FLAGS: config overrides, request keys, and the text as typed. */
interface ReadFlags {
  overrides: Partial<TrainConfig>;
  request: Partial<
    Pick<RunRequest, 'trainingSize' | 'validationSize' | 'heldOut' | 'engine' | 'expand' | 'dataDir' | 'loadFrom'>
  >;
  typed: TypedFields;
  /** The config fields a flag set. */
  given: (keyof TrainConfig)[];
}

/** A single-valued flag's text as its field's value: numbers parsed (NaN if not a number), the rest as typed. */
function fieldValue(kind: FlagKind, text: string): unknown {
  if (kind === 'list') return parseNumberList(text);
  if (kind === 'number' || kind === 'whole') return parseNumber(text);
  return text;
}

function readFlags(args: TrainArgs, problems: Problems): ReadFlags {
  const overrides: Record<string, unknown> = {};
  const request: Record<string, unknown> = {};
  const typed: TypedFields = {};
  const given: (keyof TrainConfig)[] = [];
  for (const spec of FLAGS) {
    const arg = args[argKey(spec)];
    if (arg === undefined || spec.field === undefined) continue;
    const flag = `--${spec.flag}`;
    let value: unknown;
    if (spec.kind === 'boolean') {
      value = arg;
    } else if (spec.repeatable) {
      // --hidden: MNIST-format data always has 784 inputs and 10 classes (checked again once loaded).
      const texts = listTexts(arg);
      const hidden = texts.map(parseNumber);
      if (!hidden.every((n) => isWholeNumber(n, 1))) problems.add(flag, texts.join(','), 'whole numbers ≥ 1, e.g. 30 or 100,30');
      value = [MNIST_SHAPE.inputSize, ...hidden, MNIST_SHAPE.classes];
      typed[spec.field] = { flag, text: texts.join(',') };
    } else {
      const text = lastText(arg);
      value = fieldValue(spec.kind, text);
      if (spec.kind !== 'path') typed[spec.field] = { flag, text };
    }
    if (isConfigField(spec.field)) {
      overrides[spec.field] = value;
      given.push(spec.field);
    } else {
      request[spec.field] = value;
    }
  }
  if (args.monitorTraining !== undefined) {
    overrides.monitorTrainingCost = args.monitorTraining;
    overrides.monitorTrainingAccuracy = args.monitorTraining;
  }
  // The CI gate needs the accuracy it gates on.
  if (args.failUnder !== undefined) overrides.monitorValidationAccuracy = true;
  return { overrides: overrides as Partial<TrainConfig>, request: request as ReadFlags['request'], typed, given };
}

/** The CLI's words for a request field: the flag the user typed (echoing the text), else the flag that sets it. */
export function flagWords(plan: Pick<TrainPlan, 'request' | 'typed'>): FieldWords {
  return (field) => {
    if (field === 'loadFrom') return { name: `--load ${plan.request.loadFrom}` };
    const given = plan.typed[field];
    return given ? { name: given.flag, typed: given.text } : { name: FLAG_OF_FIELD[field] ?? field };
  };
}

/** A bad --save destination is found now, not after the whole run. */
function checkSavePath(problems: Problems, save: string | undefined): void {
  const problem = save === undefined ? undefined : saveTargetProblem(save);
  if (problem) problems.lines.push(`--save: got ${save === '' ? "''" : save}; ${problem}`);
}

export type Plan = { kind: 'train'; plan: TrainPlan } | { kind: 'neuron'; plan: NeuronPlan };

/** The flags about what happens around the training: --save, --test, --fail-under, --json, --runs-dir. */
function outputFlags(args: TrainArgs, problems: Problems): Pick<TrainPlan, 'save' | 'test' | 'failUnder' | 'json'> {
  let failUnder: number | undefined;
  if (args.failUnder !== undefined) {
    failUnder = parseNumber(args.failUnder);
    if (!(failUnder >= 0 && failUnder <= 1))
      problems.add('--fail-under', args.failUnder, 'an accuracy fraction in [0, 1], e.g. 0.9');
  }
  checkSavePath(problems, args.save);
  if (args.runsDir === '') problems.add('--runs-dir', "''", 'a folder for the recorded runs, not empty');
  return { save: args.save, test: args.test ?? false, failUnder, json: args.json ?? false };
}

/** Everything checkable before data is loaded; throws a UsageError listing every problem. */
export function planTraining(args: TrainArgs): Plan {
  const problems = new Problems();
  if (args.resume !== undefined) {
    const base = outputFlags(args, problems);
    problems.throwIfAny();
    const runsDir = runsDirOf(args.runsDir);
    const resumed = planResumedTraining(args, runsDir, base.failUnder);
    return { kind: 'train', plan: { ...resumed, request: resumed.resume.request, typed: {}, ...base, runsDir } };
  }
  const { experiment, variant } = chooseExperiment(args, problems);
  if (experiment?.neuron) {
    problems.throwIfAny();
    return { kind: 'neuron', plan: planNeuron(args, experiment, variant) };
  }
  const run = experiment?.runs[variant - 1] ?? CUSTOM_RUN;

  const flags = readFlags(args, problems);
  const request: RunRequest = {
    config: configForRun(run, flags.overrides),
    heldOut: flags.request.heldOut ?? run.heldOut,
    trainingSize: flags.request.trainingSize ?? run.trainingSize,
    validationSize: flags.request.validationSize,
    expand: flags.request.expand ?? run.expand,
    dataDir: flags.request.dataDir,
    loadFrom: flags.request.loadFrom,
    given: flags.given,
    engine: flags.request.engine,
  };
  if (args.load !== undefined) {
    // A loaded network brings its own weights: nothing is initialised, and a preset's layer sizes
    // (its label says e.g. "100 hidden") must be the network's.
    if (args.init !== undefined)
      problems.add('--init', args.init, 'left out with --load (the loaded weights are the start; nothing is initialised)');
    if (experiment && run.config.sizes && !flags.typed.sizes) {
      flags.given.push('sizes');
      flags.typed.sizes = { flag: `--experiment ${experiment.id}`, text: run.config.sizes.join(',') };
    }
  }
  const plan = { request, typed: flags.typed };
  // The layer ends need the data (or the --load network): here they are checked only against themselves.
  for (const problem of checkRequest(request)) {
    // --hidden values that are not whole numbers were reported above, by that flag.
    if (
      problem.field === 'sizes' &&
      flags.typed.sizes?.flag === '--hidden' &&
      problems.lines.some((l) => l.startsWith('--hidden:'))
    )
      continue;
    problems.lines.push(describeRequestProblem(problem, flagWords(plan)));
  }
  const base = outputFlags(args, problems);
  if (args.load === '') problems.add('--load', "''", 'the path of a saved network, not empty');
  problems.throwIfAny();
  const runsDir = args.record === false ? undefined : runsDirOf(args.runsDir);
  return { kind: 'train', plan: { experiment, run, variant, ...plan, ...base, runsDir } };
}
