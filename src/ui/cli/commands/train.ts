// `netdash train [options]`: one training run (or the single-neuron demo for `--experiment slowdown`).
import type { CommandModule } from 'yargs';
import { runCommand } from '../../app/errors.js';
import { runNeuronDemo } from '../neuronRun.js';
import { processIo } from '../output/reporter.js';
import { trainBuilder, type TrainArgs } from '../../app/trainOptions.js';
import { planTraining } from '../../app/trainPlan.js';
import { runTraining } from '../trainRun.js';
import { packageVersion } from '../../app/version.js';

export const trainCommand: CommandModule = {
  command: 'train',
  describe: "train a network on MNIST with any of the chapter's techniques",
  builder: trainBuilder,
  handler: (argv) =>
    runCommand(async () => {
      const plan = planTraining(argv as TrainArgs);
      if (plan.kind === 'neuron') return runNeuronDemo(plan.plan, processIo, packageVersion());
      return runTraining(plan.plan, processIo, packageVersion());
    }),
};
