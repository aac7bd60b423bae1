// `netdash reproduce` flags validated in-process, on tables of cases: good values become options, bad
// ones a one-line problem naming the flag, the value and what is allowed. The spawned command is
// smoke-tested in command.test.ts and built.test.ts.
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_IDS } from '../../../src/core/experiments.js';
import {
  defaultJobs,
  parseReproduceArgs,
  type RawReproduceArgs,
  type ReproduceOptions,
} from '../../../src/ui/reproduce/options.js';
import { runsDirOf } from '../../../src/ui/app/runsIndex.js';

const IDS = EXPERIMENT_IDS.join(', ');

const DEFAULTS: ReproduceOptions = {
  only: undefined,
  seeds: undefined,
  json: false,
  out: undefined,
  quick: false,
  jobs: defaultJobs(),
  engine: 'auto',
  runsDir: runsDirOf(undefined),
};

const GOOD: [string, RawReproduceArgs, Partial<ReproduceOptions>][] = [
  ['no flags: the default set, default seeds, table output, no files', {}, {}],
  ['one id', { only: 'eta' }, { only: ['eta'] }],
  ['--runs-dir: the runs are recorded there', { runsDir: 'my-runs' }, { runsDir: 'my-runs' }],
  ['--no-record: nothing recorded', { record: false }, { runsDir: undefined }],
  ['ids in the order given, spaces and empty entries dropped', { only: ' init ,, eta ' }, { only: ['init', 'eta'] }],
  ['--only repeated, duplicates dropped', { only: ['eta, init', 'eta'] }, { only: ['eta', 'init'] }],
  ['the lowest --seeds', { seeds: 1 }, { seeds: 1 }],
  ['the highest --seeds, as text', { seeds: '20' }, { seeds: 20 }],
  ['--seeds and --jobs as text with spaces', { seeds: '5', jobs: ' 2 ' }, { seeds: 5, jobs: 2 }],
  ['the lowest --jobs', { jobs: 1 }, { jobs: 1 }],
  ['the highest --jobs', { jobs: '16' }, { jobs: 16 }],
  ['--engine typescript', { engine: 'typescript' }, { engine: 'typescript' }],
  ['--engine wasm', { engine: 'wasm' }, { engine: 'wasm' }],
  ['--json --quick --out', { json: true, quick: true, out: 'reports' }, { json: true, quick: true, out: 'reports' }],
];

const seedsProblem = (got: string) => `--seeds: got ${got}; must be a whole number from 1 to 20`;
const jobsProblem = (got: string) => `--jobs: got ${got}; must be a whole number from 1 to 16`;

const BAD: [RawReproduceArgs, string][] = [
  [{ only: ' , ' }, `--only: got no experiment ids; expected one or more of ${IDS}`],
  [{ runsDir: ' ' }, "--runs-dir: got ''; must be a folder for the recorded runs"],
  [{ only: 'eta,nope' }, `--only: unknown experiment nope; expected ids from ${IDS}`],
  [{ only: ['nope', 'eta,Eta'] }, `--only: unknown experiment nope, Eta; expected ids from ${IDS}`],
  [{ seeds: 0 }, seedsProblem('0')],
  [{ seeds: 21 }, seedsProblem('21')],
  [{ seeds: 1.5 }, seedsProblem('1.5')],
  [{ seeds: -1 }, seedsProblem('-1')],
  [{ seeds: 'x' }, seedsProblem('x')],
  [{ seeds: '2x' }, seedsProblem('2x')],
  [{ seeds: '1e1' }, seedsProblem('1e1')],
  [{ seeds: '' }, seedsProblem('')],
  [{ jobs: 0 }, jobsProblem('0')],
  [{ jobs: 17 }, jobsProblem('17')],
  [{ jobs: '2.5' }, jobsProblem('2.5')],
  [{ jobs: 'many' }, jobsProblem('many')],
  [{ engine: 'gpu' }, '--engine: got gpu; must be one of auto, typescript, wasm'],
  [{ engine: 'WASM' }, '--engine: got WASM; must be one of auto, typescript, wasm'],
  [{ out: '' }, '--out: got an empty path; expected a folder to write the report into'],
  [{ out: '   ' }, '--out: got an empty path; expected a folder to write the report into'],
  // Several problems: the first flag in the order only, seeds, jobs, engine, out is reported.
  [{ only: 'nope', seeds: 0 }, `--only: unknown experiment nope; expected ids from ${IDS}`],
  [{ seeds: 0, jobs: 0, engine: 'gpu' }, seedsProblem('0')],
];

describe('reproduce options', () => {
  it('the allowed ids include the chapter experiments', () => {
    expect(EXPERIMENT_IDS).toEqual(expect.arrayContaining(['cross-entropy', 'l2-1000', 'eta', 'init']));
  });

  it.each(GOOD)('%s', (_name, args, expected) => {
    expect(parseReproduceArgs(args)).toEqual({ ok: true, options: { ...DEFAULTS, ...expected } });
  });

  it.each(BAD)('rejects %o in one line', (args, problem) => {
    expect(parseReproduceArgs(args)).toEqual({ ok: false, problem });
  });

  it('runs at least one run at a time by default', () => {
    expect(defaultJobs()).toBeGreaterThanOrEqual(1);
  });
});
