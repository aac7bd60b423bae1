// The sweep command's run: its trials on local worker threads or on a Redis queue, its events to
// the terminal (text or NDJSON), Ctrl-C and SIGTERM stopping it, and the exit code.
import { EXIT } from '../app/exitCodes.js';
import { guardRun, stopExitCode } from '../app/shutdown.js';
import { SweepOutput, type Io } from './output.js';
import type { SweepPlan } from '../app/sweep/planner.js';
import { localRunner, type TrialRunner } from '../app/sweep/runner.js';
import { runSweep } from '../app/sweep/sweepRun.js';

export async function runSweepCommand(plan: SweepPlan, io: Io, version: string): Promise<number> {
  let runner: TrialRunner;
  let queue: string | undefined;
  if (plan.spec.queue !== undefined) {
    const { connectQueue } = await import('../app/sweep/queue/client.js');
    const connected = await connectQueue(plan.spec.queue, plan.id);
    runner = connected.runner;
    queue = connected.maskedUrl;
  } else runner = localRunner(plan.spec.jobs, plan.dataDir, plan.runsDir);
  const output = new SweepOutput(io, plan.spec.json);
  const controller = new AbortController();
  const stopListening = guardRun(controller, io.stderr);
  try {
    await runSweep(plan, runner, output.onEvent, controller.signal, { version, queue });
    return EXIT.ok;
  } catch (error) {
    if (controller.signal.aborted) return stopExitCode() ?? EXIT.interrupted;
    throw error;
  } finally {
    output.clearProgress();
    stopListening();
    await runner.close();
  }
}
