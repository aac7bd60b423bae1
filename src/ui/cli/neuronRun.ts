// `netdash train --experiment slowdown`: the chapter's single sigmoid neuron, one line per epoch
// of each of its configs (text), or {"type":"neuron",…} lines between a start and a done line (--json).
import { performance } from 'node:perf_hooks';
import { runSingleNeuron } from '../../core/singleNeuron.js';
import { EXIT } from '../app/exitCodes.js';
import { writeJsonLine } from './output/jsonReporter.js';
import { short } from '../app/format.js';
import type { Io } from './output/reporter.js';
import type { NeuronPlan } from './trainPlan.js';

export function runNeuronDemo(plan: NeuronPlan, io: Io, version: string): number {
  const started = performance.now();
  if (plan.json) writeJsonLine(io, { type: 'start', version, experiment: { id: plan.experiment.id }, neuron: plan.configs });
  else io.stdout.write(`netdash ${version}  ${plan.experiment.id}: ${plan.experiment.title}\n`);

  const results = plan.configs.map((config) => {
    const steps = runSingleNeuron(config);
    for (const step of steps) {
      if (plan.json) {
        writeJsonLine(io, { type: 'neuron', run: config.label, epoch: step.epoch, output: step.output, cost: step.cost });
      } else {
        io.stdout.write(`${config.label}  epoch ${step.epoch}/${config.epochs}  output ${short(step.output)}  cost ${short(step.cost)}\n`);
      }
    }
    const last = steps.at(-1)!;
    return { run: config.label, epochs: config.epochs, output: last.output, cost: last.cost };
  });

  const secondsTaken = (performance.now() - started) / 1000;
  if (plan.json) {
    writeJsonLine(io, { type: 'done', reason: 'completed', runs: results, seconds: secondsTaken });
  } else {
    const finals = results.map((r) => `${r.run}: output ${short(r.output)} cost ${short(r.cost)}`).join('; ');
    io.stdout.write(`done: ${finals}\n`);
  }
  return EXIT.ok;
}
