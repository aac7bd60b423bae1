// Smoke tests of the built CLI on bad input: exit 2, nothing on stdout, one line on stderr naming
// what is wrong and what is allowed — never a stack trace. The full tables of bad flags run
// in-process (trainPlan.test.ts, evaluateArgs.test.ts); these check the real process end to end.
import { beforeAll, describe, expect, it } from 'vitest';
import { QUICK, ensureBuilt, runCli } from './cliHarness.js';

beforeAll(ensureBuilt);

const CASES: [string, string[], string][] = [
  ['train: a bad value', ['train', '--eta', '-1', '--json'], 'netdash: --eta: got -1; must be a number > 0\n'],
  [
    'train: an unknown flag',
    ['train', '--etta', '0.1', '--json'],
    'netdash: Unknown argument: etta (see netdash train --help)\n',
  ],
  [
    'train: a size beyond the loaded data',
    ['train', ...QUICK, '--train-size', '60000', '--json'],
    'netdash: --train-size: got 60000; must be a whole number 1..50000 for this data\n',
  ],
  [
    'evaluate: an unknown set',
    ['evaluate', 'net.json', '--on', 'training', '--json'],
    'netdash: --on: got training; must be one of validation, test\n',
  ],
  [
    'evaluate: a missing file',
    ['evaluate', 'nonexistent-netdash.json', '--json'],
    'netdash: nonexistent-netdash.json: file not found\n',
  ],
];

describe('bad input in the built CLI', () => {
  it.concurrent.each(CASES)('%s: exit 2, one line', async (_name, args, stderr) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(stderr);
  });
});
