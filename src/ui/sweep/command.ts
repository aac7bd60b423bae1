// `netdash sweep [train flags as the base] --grid NAME=V1,V2 … | --random N --range NAME=LOW:HIGH[:log]
// | --strategy book [--seeds K] [--jobs N] [--queue redis://…] [--json]`: many trials, ranked. Every
// flag and every trial is checked before anything runs; the trials and the queue client are
// loaded only when the command runs.
import type { CommandModule } from 'yargs';
import { runCommand } from '../app/errors.js';
import { packageVersion } from '../app/version.js';
import { planSweep } from '../app/sweep/planner.js';
import { readSweepSpec, sweepBuilder, type SweepArgs } from '../app/sweep/sweepOptions.js';

export const sweepCommand: CommandModule = {
  command: 'sweep',
  describe: "run many trials of `train` (a grid, random draws, or the chapter's recipe) and rank them",
  builder: sweepBuilder,
  handler: (argv) =>
    runCommand(async () => {
      const args = argv as SweepArgs;
      const spec = readSweepSpec(args);
      const plan = planSweep(args, spec);
      const { runSweepCommand } = await import('./sweepCommandRun.js');
      return runSweepCommand(plan, { stdout: process.stdout, stderr: process.stderr }, packageVersion());
    }),
};
