// The command surface: no command outside a terminal, help with examples, the presets list, and
// the commands registered from other modules.
import { describe, expect, it, beforeAll } from 'vitest';
import { EXPERIMENTS } from '../../../src/core/experiments.js';
import { ensureBuilt, jsonLines, runCli } from './cliHarness.js';

beforeAll(ensureBuilt);

describe('netdash with no command', () => {
  it.each([
    ['stdin a pipe', [], 'pipe'],
    ['stdin closed', [], 'ignore'],
    ['--json', ['--json'], 'pipe'],
  ] as const)('never starts the dashboard outside a terminal (%s): exit 2, one line', async (_name, args, stdin) => {
    const result = await runCli([...args], { stdin });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'netdash: the dashboard needs an interactive terminal (stdin and stdout); use `netdash train` for plain output, or `netdash train --json` for CI\n',
    );
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await runCli(['trian']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('netdash: Unknown argument: trian (see netdash --help)\n');
  });
});

describe('help', () => {
  it('lists every command, including the lazily loaded reproduce and bench', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['train', 'experiments', 'evaluate <file>', 'reproduce', 'bench']) {
      expect(result.stdout).toContain(`netdash ${command}`);
    }
  });

  it('train --help documents every flag, with examples', async () => {
    const result = await runCli(['train', '--help']);
    expect(result.code).toBe(0);
    const flags =
      'sizes hidden cost init eta batch epochs lambda l1 dropout momentum patience min-delta monitor schedule train-size validation-size expand data-dir seed save load monitor-training test experiment variant held-out fail-under json engine';
    for (const flag of flags.split(' ')) expect(result.stdout).toMatch(new RegExp(`--${flag}\\s`));
    expect(result.stdout).toContain('Examples:');
  });

  it.each(['evaluate', 'experiments'])('%s --help has examples', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
  });
});

describe('experiments', () => {
  it("prints one line per preset: id, title, and the book's result where it has one", async () => {
    const result = await runCli(['experiments']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EXPERIMENTS.length);
    EXPERIMENTS.forEach((experiment, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${experiment.id} +${experiment.title.replace(/[()[\].*+?^$|\\]/g, '\\$&')}`));
      if (experiment.bookSummary) expect(lines[i]).toContain(`book: ${experiment.bookSummary}`);
    });
  });

  it('--json prints one object per preset', async () => {
    const lines = jsonLines((await runCli(['experiments', '--json'])).stdout);
    expect(lines.map((l) => l.id)).toEqual(EXPERIMENTS.map((e) => e.id));
    expect(lines.find((l) => l.id === 'eta')!.runs).toHaveLength(3);
  });
});
