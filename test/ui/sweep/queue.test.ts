// Sweeps through a real Redis (redis-server on a free port, started and stopped here): the same
// results as a local sweep, a re-run that resumes, a malformed job refused while the worker goes
// on, no password anywhere, and a worker killed with -9 mid-trial losing nothing.
import { Queue } from 'bullmq';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureYargs } from '../../../src/ui/app/yargsSetup.js';
import type { SweepEvent, TrialDone } from '../../../src/ui/app/sweep/events.js';
import { planSweep, type SweepPlan } from '../../../src/ui/app/sweep/planner.js';
import { connectQueue } from '../../../src/ui/app/sweep/queue/client.js';
import { KEY_PREFIX, QUEUE_NAME, parseQueueUrl } from '../../../src/ui/app/sweep/queue/connection.js';
import { startWorker, type RunningWorker } from '../../../src/ui/app/sweep/queue/worker.js';
import { localRunner, type TrialRunner } from '../../../src/ui/app/sweep/runner.js';
import { readSweepSpec, sweepBuilder, type SweepArgs } from '../../../src/ui/app/sweep/sweepOptions.js';
import { runSweep } from '../../../src/ui/app/sweep/sweepRun.js';
import { startRedis, type RedisServer } from '../../helpers/redisServer.js';
import { waitFor } from '../../helpers/waitFor.js';
import { ensureBuilt, startCli } from '../cli/cliHarness.js';

const PASSWORD = 'hunter2-secret';
let redis: RedisServer;
let worker: RunningWorker | undefined;
const workerLog: string[] = [];

beforeAll(async () => {
  redis = await startRedis({ password: PASSWORD });
});

afterAll(async () => {
  await worker?.close(true);
  await redis?.stop();
});

function plan(argv: string[]): SweepPlan {
  const all = ['sweep', ...argv];
  const args = configureYargs(yargs(all), all).command('sweep', 'sweep', sweepBuilder).parseSync() as SweepArgs;
  return planSweep(args, readSweepSpec(args));
}

async function run(sweepPlan: SweepPlan, runner: TrialRunner): Promise<SweepEvent[]> {
  const events: SweepEvent[] = [];
  try {
    await runSweep(sweepPlan, runner, (event) => events.push(event), new AbortController().signal, { version: 'test' });
  } finally {
    await runner.close();
  }
  return events;
}

const done = (events: SweepEvent[]) => events.filter((e): e is TrialDone => e.type === 'trial-done');
const metrics = (events: SweepEvent[]) =>
  done(events)
    .map((t) => JSON.stringify([t.key, t.seed, t.best, t.final, t.bestEpoch]))
    .sort();

describe('a sweep on a Redis queue', () => {
  const argv = [
    '--train-size',
    '200',
    '--validation-size',
    '200',
    '--epochs',
    '2',
    '--grid',
    'eta=0.1,1',
    '--grid',
    'lambda=0,1',
  ];

  it('refuses a malformed job with its reason, runs the sweep as a local one would, and resumes', async () => {
    worker = await startWorker({ url: redis.url, concurrency: 2, lockSeconds: 2, log: (line) => workerLog.push(line) });
    const queue = new Queue(QUEUE_NAME, { connection: parseQueueUrl(redis.url).options as never, prefix: KEY_PREFIX });
    try {
      const bad = await queue.add('trial', {
        v: 1,
        sweepId: 'abcdef012345',
        key: '0123456789abcdef',
        trial: 1,
        args: { dataDir: '/etc' },
      });
      let state = '';
      await waitFor(() => {
        void bad.getState().then((now) => (state = now));
        return state === 'failed';
      });
      const failed = await queue.getJob(bad.id!);
      expect(failed?.failedReason).toContain('args.dataDir: not a hyper-parameter flag a job may carry');
    } finally {
      await queue.close();
    }

    const sweepPlan = plan([...argv, '--queue', redis.url]);
    const { runner, maskedUrl } = await connectQueue(redis.url, sweepPlan.id);
    const queued = await run(sweepPlan, runner);
    const local = await run(plan(argv), localRunner(1, undefined));
    expect(done(queued)).toHaveLength(4);
    expect(metrics(queued)).toEqual(metrics(local));
    const ran = workerLog.filter((line) => / of sweep /.test(line)).length;
    expect(ran).toBe(4);

    // The same command again: every trial is found finished, none is run again.
    const again = await connectQueue(redis.url, sweepPlan.id);
    const resumed = await run(sweepPlan, again.runner);
    expect(metrics(resumed)).toEqual(metrics(queued));
    expect(workerLog.filter((line) => / of sweep /.test(line)).length).toBe(ran);

    const everything = JSON.stringify([queued, resumed]) + workerLog.join('\n') + maskedUrl;
    expect(everything).not.toContain(PASSWORD);
    expect(maskedUrl).toBe(`redis://:***@127.0.0.1:${redis.port}`);
  });

  it('loses nothing when a worker is killed with -9 mid-trial: another worker runs it, counted once', async () => {
    await worker?.close(true);
    worker = undefined;
    await ensureBuilt();
    const doomed = startCli(['worker', '--queue', redis.url, '--concurrency', '1', '--lock-seconds', '1'], { stdin: 'ignore' });
    let doomedLog = '';
    doomed.stderr!.on('data', (chunk: Buffer) => (doomedLog += chunk.toString()));
    await waitFor(() => doomedLog.includes('waiting for trials'));

    const sweepPlan = plan([
      '--train-size',
      '3000',
      '--validation-size',
      '500',
      '--epochs',
      '12',
      '--grid',
      'eta=0.5',
      '--queue',
      redis.url,
    ]);
    const { runner } = await connectQueue(redis.url, sweepPlan.id);
    const events: SweepEvent[] = [];
    const finished = runSweep(sweepPlan, runner, (event) => events.push(event), new AbortController().signal, {
      version: 'test',
    });
    await waitFor(() => events.some((e) => e.type === 'trial-epoch'), { timeoutMs: 20_000 });
    const killed = new Promise((resolve) => doomed.once('exit', resolve));
    doomed.kill('SIGKILL');
    await killed;
    expect(events.some((e) => e.type === 'trial-done')).toBe(false);

    const rescuerLog: string[] = [];
    worker = await startWorker({ url: redis.url, concurrency: 1, lockSeconds: 1, log: (line) => rescuerLog.push(line) });
    await finished;
    await runner.close();
    expect(done(events)).toHaveLength(1);
    expect(done(events)[0]!.epochs).toBe(12);
    expect(rescuerLog.some((line) => / of sweep /.test(line))).toBe(true);
    expect(doomedLog).not.toContain(PASSWORD);
  });
});
