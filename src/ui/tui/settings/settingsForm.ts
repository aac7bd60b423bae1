// The settings screen's form, as pure functions: every core option plus the data options, held as
// the text the user edits, cycled with ←/→ and parsed back into config overrides with one-line
// problems. Checking the resulting request is the app layer's job (checkRequest, see runPlan.ts).
import { INIT_NAMES, MONITOR_NAMES } from '../../../core/types.js';
import { COST_NAMES } from '../../../core/costs.js';
import { HELD_OUT_NAMES, type HeldOut } from '../../../core/experiments.js';
import type { TrainConfig } from '../../../core/types.js';
import { plain } from '../../app/format.js';

/** The data options of a run that are not part of TrainConfig. */
export interface RunExtras {
  /** First N training images; undefined = all 50,000. */
  trainingSize?: number;
  expand: boolean;
  heldOut: HeldOut;
}

export type ConfigFieldKey =
  | 'sizes'
  | 'cost'
  | 'init'
  | 'eta'
  | 'batchSize'
  | 'epochs'
  | 'lambda'
  | 'l1'
  | 'dropout'
  | 'momentum'
  | 'patience'
  | 'minDelta'
  | 'monitor'
  | 'schedule'
  | 'seed'
  | 'monitorTrainingCost'
  | 'monitorTrainingAccuracy';
export type ExtraFieldKey = keyof RunExtras;
export type FormKey = ConfigFieldKey | ExtraFieldKey;

export type FieldKind = 'sizes' | 'number' | 'integer' | 'optional-integer' | 'choice' | 'toggle';

export interface FieldSpec {
  key: FormKey;
  label: string;
  kind: FieldKind;
  choices?: readonly string[];
  /** Shown when the text is empty (optional fields). */
  blank?: string;
}

export type FormValues = Readonly<Record<FormKey, string>>;

export interface FormProblem {
  key: FormKey;
  text: string;
}

/** The largest training subset (the book's 50,000 training images). */
export const MAX_TRAINING_SIZE = 50_000;

const ON = 'on';
const OFF = 'off';

export const FIELDS: readonly FieldSpec[] = [
  { key: 'sizes', label: 'sizes', kind: 'sizes' },
  { key: 'cost', label: 'cost', kind: 'choice', choices: COST_NAMES },
  { key: 'init', label: 'init', kind: 'choice', choices: INIT_NAMES },
  { key: 'eta', label: 'η (eta)', kind: 'number' },
  { key: 'batchSize', label: 'mini-batch', kind: 'integer' },
  { key: 'epochs', label: 'epochs', kind: 'integer' },
  { key: 'lambda', label: 'L2 λ', kind: 'number' },
  { key: 'l1', label: 'L1 λ', kind: 'number' },
  { key: 'dropout', label: 'dropout p', kind: 'number' },
  { key: 'momentum', label: 'momentum μ', kind: 'number' },
  { key: 'patience', label: 'patience', kind: 'optional-integer', blank: 'off' },
  { key: 'minDelta', label: 'min-delta', kind: 'number' },
  { key: 'monitor', label: 'monitor', kind: 'choice', choices: MONITOR_NAMES },
  { key: 'schedule', label: 'η schedule', kind: 'toggle' },
  { key: 'trainingSize', label: 'training size', kind: 'optional-integer', blank: 'all 50,000' },
  { key: 'expand', label: 'expand ×5', kind: 'toggle' },
  { key: 'heldOut', label: 'held-out set', kind: 'choice', choices: HELD_OUT_NAMES },
  { key: 'seed', label: 'seed', kind: 'integer' },
  { key: 'monitorTrainingCost', label: 'train cost', kind: 'toggle' },
  { key: 'monitorTrainingAccuracy', label: 'train acc.', kind: 'toggle' },
];

export function fieldSpec(key: FormKey): FieldSpec {
  return FIELDS.find((field) => field.key === key)!;
}

const toggle = (value: boolean) => (value ? ON : OFF);

export function formFromConfig(config: TrainConfig, extras: RunExtras): FormValues {
  return {
    sizes: config.sizes.join(','),
    cost: config.cost,
    init: config.init,
    eta: plain(config.eta),
    batchSize: String(config.batchSize),
    epochs: String(config.epochs),
    lambda: plain(config.lambda),
    l1: plain(config.l1),
    dropout: plain(config.dropout),
    momentum: plain(config.momentum),
    patience: config.patience === undefined ? '' : String(config.patience),
    minDelta: plain(config.minDelta),
    monitor: config.monitor,
    schedule: toggle(config.schedule),
    seed: String(config.seed),
    monitorTrainingCost: toggle(config.monitorTrainingCost),
    monitorTrainingAccuracy: toggle(config.monitorTrainingAccuracy),
    trainingSize: extras.trainingSize === undefined ? '' : String(extras.trainingSize),
    expand: toggle(extras.expand),
    heldOut: extras.heldOut,
  };
}

/** ← / → on a field: the previous / next choice, a flipped toggle, or ±1 on whole numbers. */
export function cycleField(values: FormValues, key: FormKey, direction: 1 | -1): FormValues {
  const spec = fieldSpec(key);
  const text = values[key];
  switch (spec.kind) {
    case 'choice': {
      const choices = spec.choices!;
      const index = choices.indexOf(text);
      const next = choices[(index + direction + choices.length) % choices.length]!;
      return { ...values, [key]: next };
    }
    case 'toggle':
      return { ...values, [key]: text === ON ? OFF : ON };
    case 'integer':
    case 'optional-integer': {
      const current = text.trim() === '' ? 0 : Number(text);
      if (!Number.isInteger(current)) return values;
      const next = current + direction;
      if (spec.kind === 'optional-integer' && next <= 0) return { ...values, [key]: '' };
      return { ...values, [key]: String(Math.max(spec.key === 'seed' ? next : 1, next)) };
    }
    default:
      return values;
  }
}

const TYPEABLE = /^[0-9.,eE+-]+$/;

/** Typed characters: replace the text (first key on a field) or append; ignored on choices and toggles. */
export function typeIntoField(values: FormValues, key: FormKey, input: string, replace: boolean): FormValues {
  const kind = fieldSpec(key).kind;
  if (kind === 'choice' || kind === 'toggle' || !TYPEABLE.test(input)) return values;
  return { ...values, [key]: replace ? input : values[key] + input };
}

export function deleteFromField(values: FormValues, key: FormKey): FormValues {
  const kind = fieldSpec(key).kind;
  if (kind === 'choice' || kind === 'toggle') return values;
  return { ...values, [key]: values[key].slice(0, -1) };
}

/** How a field's text reads on screen. */
export function displayValue(values: FormValues, key: FormKey): string {
  const text = values[key];
  return text === '' ? (fieldSpec(key).blank ?? '') : text;
}

export interface ParsedFields {
  overrides: Partial<TrainConfig>;
  extras: Partial<RunExtras>;
  problems: FormProblem[];
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Parses the given fields; a field that is not even a number becomes a problem. */
export function parseFields(values: FormValues, keys: readonly FormKey[]): ParsedFields {
  const overrides: Record<string, unknown> = {};
  const extras: Partial<RunExtras> = {};
  const problems: FormProblem[] = [];
  const problem = (key: FormKey, allowed: string) =>
    problems.push({ key, text: `${fieldSpec(key).label}: got "${values[key]}"; must be ${allowed}` });

  for (const key of keys) {
    const spec = fieldSpec(key);
    const text = values[key];
    switch (spec.kind) {
      case 'sizes': {
        const parts = text.split(',').map((part) => parseNumber(part));
        if (parts.some((part) => part === undefined)) problem(key, 'whole numbers separated by commas, e.g. 784,30,10');
        else overrides.sizes = parts;
        break;
      }
      case 'number': {
        const value = parseNumber(text);
        if (value === undefined) problem(key, 'a number');
        else overrides[key] = value;
        break;
      }
      case 'integer':
      case 'optional-integer': {
        const value = parseNumber(text);
        const optional = spec.kind === 'optional-integer';
        if (optional && text.trim() === '') {
          if (key === 'trainingSize') extras.trainingSize = undefined;
          else overrides[key] = undefined;
        } else if (value === undefined || !Number.isInteger(value)) {
          problem(key, optional ? `a whole number, or empty for ${spec.blank}` : 'a whole number');
        } else if (key === 'trainingSize') {
          if (value < 1 || value > MAX_TRAINING_SIZE) problem(key, `a whole number 1 … ${MAX_TRAINING_SIZE}`);
          else extras.trainingSize = value;
        } else {
          overrides[key] = value;
        }
        break;
      }
      case 'choice':
        if (key === 'heldOut') extras.heldOut = text as HeldOut;
        else overrides[key] = text;
        break;
      case 'toggle':
        if (key === 'expand') extras.expand = text === ON;
        else overrides[key] = text === ON;
        break;
    }
  }
  return { overrides: overrides as Partial<TrainConfig>, extras, problems };
}

/** The fields whose text differs between two forms (what the user changed). */
export function changedKeys(initial: FormValues, current: FormValues): FormKey[] {
  return FIELDS.map((field) => field.key).filter((key) => initial[key] !== current[key]);
}
