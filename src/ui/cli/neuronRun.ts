// `netdash train --experiment slowdown`: the chapter's single sigmoid neuron, one line per epoch
// of each of its configs (text), or {"type":"neuron",…} lines between a start and a done line (--json).
// Lines stream as they are computed, in constant memory however many epochs are asked for, and a stop
// request (Ctrl-C, SIGTERM, a closed output) still ends the stream with its `done` line.
import { performance } from 'node:perf_hooks';
import { singleNeuronSteps, type SingleNeuronStep } from '../../core/singleNeuron.js';
import { EXIT } from '../app/exitCodes.js';
import { short } from '../app/format.js';
import { guardRun, stopExitCode } from '../app/shutdown.js';
import { writeJsonLine } from './output/jsonReporter.js';
import type { Io } from './output/reporter.js';
import type { NeuronPlan } from '../app/trainPlan.js';

/** Longest stretch of computing between two chances to hear a signal or let stdout drain. */
const SLICE_MS = 50;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits while stdout's buffer is full, so a slow reader never makes memory grow. */
async function drained(io: Io, signal: AbortSignal): Promise<void> {
  const stdout = io.stdout as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  if (!stdout.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stdout.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    stdout.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function runNeuronDemo(plan: NeuronPlan, io: Io, version: string): Promise<number> {
  const started = performance.now();
  const controller = new AbortController();
  const release = guardRun(controller, io.stderr);
  try {
    if (plan.json) writeJsonLine(io, { type: 'start', version, experiment: { id: plan.experiment.id }, neuron: plan.configs });
    else io.stdout.write(`netdash ${version}  ${plan.experiment.id}: ${plan.experiment.title}\n`);

    const results: { run: string; epochs: number; output: number; cost: number }[] = [];
    let sliceStart = performance.now();
    for (const config of plan.configs) {
      let last: SingleNeuronStep | undefined;
      for (const step of singleNeuronSteps(config)) {
        last = step;
        if (plan.json)
          writeJsonLine(io, { type: 'neuron', run: config.label, epoch: step.epoch, output: step.output, cost: step.cost });
        else
          io.stdout.write(
            `${config.label}  epoch ${step.epoch}/${config.epochs}  output ${short(step.output)}  cost ${short(step.cost)}\n`,
          );
        if (performance.now() - sliceStart >= SLICE_MS) {
          await drained(io, controller.signal);
          await pause();
          sliceStart = performance.now();
        }
        if (controller.signal.aborted) break;
      }
      if (last) results.push({ run: config.label, epochs: last.epoch, output: last.output, cost: last.cost });
      if (controller.signal.aborted) break;
    }

    const aborted = controller.signal.aborted;
    const seconds = (performance.now() - started) / 1000;
    if (plan.json) {
      writeJsonLine(io, { type: 'done', reason: aborted ? 'aborted' : 'completed', runs: results, seconds });
    } else {
      const finals = results.map((r) => `${r.run}: output ${short(r.output)} cost ${short(r.cost)}`).join('; ');
      io.stdout.write(`done${aborted ? ' (interrupted)' : ''}: ${finals}\n`);
    }
    return aborted ? (stopExitCode() ?? EXIT.interrupted) : EXIT.ok;
  } finally {
    release();
  }
}
