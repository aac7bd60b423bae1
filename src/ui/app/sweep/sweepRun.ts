// A sweep from its plan to its result, whatever runs the trials (local threads or a queue): the
// events of every trial, then the winner and its command line. The book strategy (strategy.ts)
// drives the same batches step by step. Front ends (the CLI's output, a live view) only listen.
import { jsonParams, type Params } from './params.js';
import type { SweepPlan } from './planner.js';
import type { TrialRunner } from './runner.js';
import type { SweepEvent, SweepListener, TrialDone } from './events.js';
import { SweepSession } from './session.js';
import { commandLine, winner } from './tables.js';
import { runBookStrategy } from './strategy.js';

export interface SweepResult {
  trials: TrialDone[];
  best?: TrialDone;
  recommended?: Record<string, unknown>;
}

export async function runSweep(
  plan: SweepPlan,
  runner: TrialRunner,
  emit: SweepListener,
  signal: AbortSignal,
  context: { version: string; queue?: string },
): Promise<SweepResult> {
  const started = performance.now();
  const session = new SweepSession(plan, runner, emit, signal);
  emit({
    type: 'sweep-start',
    version: context.version,
    id: plan.id,
    strategy: plan.spec.strategy,
    trials: plan.trials.length,
    jobs: runner.jobs,
    ...(context.queue !== undefined && { queue: context.queue }),
    base: baseJson(plan),
    seed: plan.sweepSeed,
  });
  let recommended: Record<string, unknown> | undefined;
  let best: TrialDone | undefined;
  if (plan.spec.strategy === 'book') {
    const book = await runBookStrategy(session);
    recommended = book.recommended;
    best = book.best;
  } else {
    await session.runBatch(session.adopt(plan.trials));
    best = winner(session.done);
  }
  const args = best ? session.argsOf(best) : undefined;
  const done: SweepEvent = {
    type: 'sweep-done',
    trials: session.done.length,
    best: best ?? null,
    command: args ? commandLine(args, plan.dataDir) : '',
    ...(recommended && { recommended }),
    seconds: (performance.now() - started) / 1000,
  };
  emit(done);
  return { trials: session.done, best, recommended };
}

function baseJson(plan: SweepPlan): Record<string, unknown> {
  const params: Params = {};
  for (const [key, value] of Object.entries(plan.base)) {
    if (value !== undefined)
      params[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = Array.isArray(value) ? value.join(',') : value;
  }
  return jsonParams(params);
}
