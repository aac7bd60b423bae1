// Problems of a run request as data, not text: { field, value, allowed }. Each front end words
// them with its own names (the CLI its flags, the TUI its field labels), so nothing is ever
// recovered from a message by a regex.
import { describeProblem } from '../../core/config.js';
import type { TrainConfig } from '../../core/types.js';
import { UsageError } from './errors.js';

/** A config field, or a key of the request around it (see RunRequest). */
export type RequestField =
  keyof TrainConfig | 'trainingSize' | 'validationSize' | 'heldOut' | 'engine' | 'expand' | 'dataDir' | 'loadFrom';

export interface RequestProblem {
  field: RequestField;
  value: unknown;
  /** What is allowed, phrased to follow "must be". */
  allowed: string;
  /** The value must agree with another field's (a --load network's sizes or cost), or be left out. */
  mustMatch?: { field: RequestField; value: unknown };
}

/** How a front end names a field, and the text the user typed for it (echoed instead of the value). */
export type FieldWords = (field: RequestField) => { name: string; typed?: string };

const fieldNames: FieldWords = (field) => ({ name: field });

function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** One line: "<name>: got <value>; must be <allowed>" (or "must match the <field> … of <other>"). */
export function describeRequestProblem(problem: RequestProblem, words: FieldWords = fieldNames): string {
  const { name, typed } = words(problem.field);
  const value = typed ?? problem.value;
  if (problem.mustMatch) {
    const other = words(problem.mustMatch.field).name;
    return `${name}: got ${shown(value)}; must match the ${problem.field} ${shown(problem.mustMatch.value)} of ${other} (or be left out)`;
  }
  return describeProblem({ ...problem, value }, name);
}

/** A request the run cannot be built from; a UsageError (exit 2) if a front end leaves it unworded. */
export class RequestError extends UsageError {
  override name = 'RequestError';

  constructor(readonly problems: readonly RequestProblem[]) {
    super(problems.map((problem) => describeRequestProblem(problem)).join('\n'));
  }
}

/** A RequestError in a front end's words (one line per problem); any other error unchanged. */
export function inWords(error: unknown, words: FieldWords): unknown {
  if (!(error instanceof RequestError)) return error;
  return new UsageError(error.problems.map((problem) => describeRequestProblem(problem, words)).join('\n'));
}
