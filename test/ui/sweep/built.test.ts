// The built `netdash sweep` as users run it: NDJSON from trials on two worker threads, bad input
// and an unreachable Redis each one line and exit 2 (the latter within 5 s, its password masked).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/redisServer.js';
import { ensureBuilt, jsonLines, runCli } from '../cli/cliHarness.js';

beforeAll(ensureBuilt);

describe('netdash sweep (built)', () => {
  it('streams NDJSON from trials on worker threads and ends with the best', async () => {
    const tiny = ['--train-size', '300', '--validation-size', '300', '--epochs', '2'];
    const runsDir = mkdtempSync(join(tmpdir(), 'netdash-sweep-built-'));
    const argv = ['sweep', ...tiny, '--grid', 'eta=0.1,1', '--seeds', '2', '--jobs', '2', '--json', '--runs-dir', runsDir];
    const result = await runCli(argv);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.map((l) => l.type).filter((t) => t === 'trial-done')).toHaveLength(4);
    expect(lines[0]).toMatchObject({ type: 'sweep-start', trials: 4, jobs: 2 });
    const last = lines.at(-1)!;
    expect(last.type).toBe('sweep-done');
    const best = Math.max(...lines.filter((l) => l.type === 'trial-done').map((l) => l.best.validationAccuracy));
    expect(last.best.best.validationAccuracy).toBe(best);
    expect(Object.keys(lines.find((l) => l.type === 'trial-done')!)).toEqual(
      expect.arrayContaining(['trial', 'params', 'seed', 'best', 'final', 'bestEpoch', 'epochs', 'seconds', 'runDir']),
    );
    const recorded = lines.filter((l) => l.type === 'trial-done').map((l) => l.runDir as string);
    expect(
      readdirSync(runsDir)
        .map((name) => join(runsDir, name))
        .sort(),
    ).toEqual(recorded.sort());
    rmSync(runsDir, { recursive: true, force: true });
  });

  it('answers bad input and an unreachable Redis with one line and exit 2', async () => {
    const bad = await runCli(['sweep', '--grid', 'eta=0.1,-1', '--jobs', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('netdash: --jobs: got 0; must be a whole number 1..256\n');

    const port = await freePort();
    const started = Date.now();
    const down = await runCli(['sweep', '--grid', 'eta=0.1', '--queue', `redis://:pa55word@127.0.0.1:${port}`]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.code).toBe(2);
    expect(down.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(down.stderr).toContain(`cannot use Redis at redis://:***@127.0.0.1:${port}`);
    expect(down.stderr + down.stdout).not.toContain('pa55word');
  });
});
