// The built CLI killed with SIGKILL mid-run, then `train --resume`: the run folder is listed as
// interrupted and the resumed run ends with exactly the epochs and network of an uninterrupted run.
// Plus the flags --resume refuses, in-process.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_FILES } from '../../../src/data/runs.js';
import { readCheckpoint } from '../../../src/data/runsCheckpoint.js';
import { listRuns } from '../../../src/ui/app/runsIndex.js';
import { withoutTimes } from '../../helpers/recordedRuns.js';
import { ensureBuilt, finished, jsonLines, runCli, startCli } from './cliHarness.js';
import { trainOutcome } from './inProcess.js';

let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'netdash-resume-'));
  await ensureBuilt();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const RUN = ['--train-size', '1000', '--validation-size', '300', '--momentum', '0.5', '--dropout', '0.2', '--epochs', '25'];
/** The epoch of the run's checkpoint on disk (0 while there is none). */
function checkpointEpoch(runDir: string): number {
  const file = join(runDir, RUN_FILES.checkpoint);
  return existsSync(file) ? readCheckpoint(file).checkpoint.epoch : 0;
}

const epochsOf = (stdout: string) =>
  jsonLines(stdout)
    .filter((line) => line.type === 'epoch')
    .map(withoutTimes);

describe('kill -9, then train --resume', () => {
  it('continues from the last checkpoint to the same metrics and network as a run left alone', async () => {
    const env = { NETDASH_RUNS_DIR: join(folder, 'runs') };
    const whole = await runCli(['train', ...RUN, '--json', '--save', join(folder, 'whole.json')], { env });
    expect(whole.code).toBe(0);

    const child = startCli(['train', ...RUN, '--json', '--engine', jsonLines(whole.stdout)[0]!.engine as string], { env });
    let runDir = '';
    let killed = false;
    let wait: NodeJS.Timeout | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('{"type":"start"')) runDir = (JSON.parse(line) as { runDir: string }).runDir;
        // Once epoch 3 is out and its checkpoint is on disk (written by a worker thread), kill without warning.
        if (!killed && line.startsWith('{"type":"epoch","epoch":3,')) {
          killed = true;
          wait = setInterval(() => {
            if (checkpointEpoch(runDir) >= 3) {
              clearInterval(wait);
              child.kill('SIGKILL');
            }
          }, 5);
        }
      }
    });
    const cut = await finished(child);
    clearInterval(wait);
    expect(cut.signal).toBe('SIGKILL');
    const listed = listRuns(join(folder, 'runs')).runs.find((run) => run.dir === runDir);
    expect(listed?.status).toBe('interrupted');

    const resumed = await runCli(['train', '--resume', runDir, '--json', '--save', join(folder, 'resumed.json')], { env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const start = jsonLines(resumed.stdout)[0]!;
    expect(start).toMatchObject({ type: 'start', runDir, resumedAfter: expect.any(Number) });
    expect(start.resumedAfter).toBeGreaterThanOrEqual(3);
    const recorded = epochsOf(readFileSync(join(runDir, RUN_FILES.events), 'utf8'));
    expect(recorded).toEqual(epochsOf(whole.stdout));
    expect(readFileSync(join(folder, 'resumed.json'), 'utf8')).toBe(readFileSync(join(folder, 'whole.json'), 'utf8'));
    expect(listRuns(join(folder, 'runs')).runs.find((run) => run.dir === runDir)?.status).toBe('completed');
  });
});

describe('train --resume refuses', () => {
  it.each([
    [
      ['--resume', 'x', '--eta', '0.1'],
      /^netdash: --eta: not used with --resume \(the run continues with its recorded settings\); it takes --epochs, /,
    ],
    [['--resume', 'x', '--no-record'], /^netdash: --no-record: not used with --resume/],
    [['--resume', 'x', '--epochs', '0'], /^netdash: --epochs: got 0; must be a whole number ≥ 1/],
    [
      ['--resume', '/nonexistent/run'],
      /^netdash: --resume: got \/nonexistent\/run; no run folder \/nonexistent\/run and no run in /,
    ],
  ])('%j with one line and exit 2', (argv, message) => {
    const outcome = trainOutcome(argv);
    expect(outcome.code).toBe(2);
    expect(outcome.lines[0]).toMatch(message);
  });
});
