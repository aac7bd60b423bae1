// `netdash evaluate FILE`: accuracy and cost of a saved network (netdash's or the book's
// network2.py file) on the validation or test set.
import type { CommandModule } from 'yargs';
import { describeProblem, makeConfig, validateConfig } from '../../../core/config.js';
import type { HeldOut } from '../../../core/experiments.js';
import { loadDatasets } from '../../../data/load.js';
import { CLASS_COUNT } from '../../../data/mnist.js';
import { prepareRun } from '../../app/runSetup.js';
import { runCommand, UsageError } from '../../app/errors.js';
import { EXIT } from '../../app/exitCodes.js';
import { percent, short } from '../../app/format.js';
import { writeJsonLine } from '../output/jsonReporter.js';
import { processIo } from '../output/reporter.js';
import { lastText, parseNumber } from '../../app/values.js';

interface EvaluateArgs {
  file: string;
  on?: string;
  lambda?: string;
  dataDir?: string;
  json?: boolean;
}

function evaluateBuilder(yargs: import('yargs').Argv) {
  return yargs
    .positional('file', { describe: 'saved network (network2.py JSON)', type: 'string' })
    .option('on', { describe: 'which set: validation | test [default: validation]', requiresArg: true, coerce: lastText })
    .option('lambda', {
      describe: 'L2 λ the network was trained with, to add the regularization term to the cost [default: 0]',
      requiresArg: true,
      coerce: lastText,
    })
    .option('data-dir', { describe: 'MNIST-format folder [default: the embedded MNIST]', type: 'string', requiresArg: true, coerce: lastText })
    .option('json', { type: 'boolean', describe: 'one JSON object: accuracy, correct, total, cost' })
    .example('$0 evaluate net.json', 'validation accuracy and cost')
    .example('$0 evaluate book-net.json --on test --json', 'a network saved by the book\'s network2.py, on the test set');
}

export const evaluateCommand: CommandModule = {
  command: 'evaluate <file>',
  describe: 'accuracy and cost of a saved network on the validation or test set',
  builder: evaluateBuilder,
  handler: (argv) =>
    runCommand(async () => {
      const args = argv as unknown as EvaluateArgs;
      const on = (args.on ?? 'validation') as HeldOut;
      const lambda = args.lambda === undefined ? 0 : parseNumber(args.lambda);
      const problems: string[] = [];
      if (on !== 'validation' && on !== 'test') problems.push(`--on: got ${args.on}; must be one of validation, test`);
      if (!(lambda >= 0)) problems.push(`--lambda: got ${args.lambda}; must be a number ≥ 0`);
      if (problems.length > 0) throw new UsageError(problems.join('\n'));

      const datasets = loadDatasets({ dataDir: args.dataDir });
      // The same run setup as training; λ only adds its term to the cost (nothing is trained).
      const prepared = prepareRun({ config: makeConfig({ lambda }), heldOut: on, loadFrom: args.file }, datasets);
      const shape = { inputSize: datasets.training.inputSize, classes: CLASS_COUNT };
      const sizeProblems = validateConfig(prepared.config, shape).filter((p) => p.field === 'sizes');
      if (sizeProblems.length > 0) throw new UsageError(sizeProblems.map((p) => describeProblem(p, args.file)).join('\n'));

      const result = prepared.trainer.evaluate(prepared.heldOut);
      if (args.json) {
        writeJsonLine(processIo, { file: args.file, on, sizes: prepared.config.sizes, ...result });
      } else {
        processIo.stdout.write(
          `${args.file} [${prepared.config.sizes.join(',')}] on ${on}: accuracy ${percent(result.accuracy)} ` +
            `(${result.correct}/${result.total})  cost ${short(result.cost)}\n`,
        );
      }
      return EXIT.ok;
    }),
};
