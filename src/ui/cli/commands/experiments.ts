// `netdash experiments`: the chapter's presets, one line each (id, title, the book's result).
import type { CommandModule } from 'yargs';
import { EXPERIMENTS } from '../../../core/experiments.js';
import { EXIT } from '../../app/exitCodes.js';
import { runCommand } from '../../app/errors.js';
import { writeJsonLine } from '../output/jsonReporter.js';
import { processIo } from '../output/reporter.js';

export const experimentsCommand: CommandModule = {
  command: 'experiments',
  describe: "list the chapter's experiments (presets for train --experiment)",
  builder: (yargs) =>
    yargs
      .option('json', { type: 'boolean', describe: 'one JSON object per preset and line' })
      .example('$0 experiments', "id, title and the book's result of each preset")
      .example('$0 train --experiment l2-1000', 'run one of them'),
  handler: (argv) =>
    runCommand(async () => {
      const idWidth = Math.max(...EXPERIMENTS.map((e) => e.id.length));
      for (const experiment of EXPERIMENTS) {
        const runs = experiment.neuron ?? experiment.runs;
        if (argv.json) {
          writeJsonLine(processIo, {
            id: experiment.id,
            group: experiment.group,
            title: experiment.title,
            description: experiment.description,
            runs: runs.map((run) => run.label),
            kind: experiment.neuron ? 'neuron' : 'mnist',
            ...(experiment.bookSummary !== undefined && { book: experiment.bookSummary }),
          });
          continue;
        }
        const variants = runs.length > 1 ? ` [${runs.length} runs: --variant 1..${runs.length}]` : '';
        const book = experiment.bookSummary ? ` — book: ${experiment.bookSummary}` : '';
        processIo.stdout.write(`${experiment.id.padEnd(idWidth)}  ${experiment.title}${variants}${book}\n`);
      }
      return EXIT.ok;
    }),
};
