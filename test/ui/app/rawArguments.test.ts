import { describe, expect, it } from 'vitest';
import { rawArgumentProblems } from '../../../src/ui/app/yargsSetup.js';

const SWITCHES = new Set(['json', 'expand', 'schedule']);
const noValue = (flag: string, value: string) => `--${flag}: got ${value}; a switch takes no value (or =true, =false)`;

describe('rawArgumentProblems', () => {
  it.each([
    [['train', '--json'], []],
    [['train', '--json=true', '--expand=false'], []],
    [['train', '--no-expand'], []],
    [['train', '--eta=0.5'], []],
    [['train', '--json=1'], [noValue('json', '1')]],
    [
      ['train', '--json=yes', '--expand=on'],
      [noValue('json', 'yes'), noValue('expand', 'on')],
    ],
    [['train', '--schedule='], [noValue('schedule', '')]],
    [['train', '--epochs', '1', '--', 'more', 'words'], ['--: got more words; netdash takes no arguments after --']],
    [['train', '--'], []],
    [['evaluate', '-'], ['-: standard input is not read by netdash; expected a file path']],
    [['train', '--load', '-'], ['-: standard input is not read by netdash; expected a file path']],
  ])('%j → %j', (args, problems) => {
    expect(rawArgumentProblems(args, SWITCHES)).toEqual(problems);
  });
});
