// `netdash evaluate FILE`: accuracy and cost of a saved network (netdash's or the book's
// network2.py file) on the validation or test set.
import type { Argv, CommandModule } from 'yargs';
import { makeConfig } from '../../../core/config.js';
import type { HeldOut } from '../../../core/experiments.js';
import { runCommand } from '../../app/errors.js';
import { EXIT } from '../../app/exitCodes.js';
import { percent, short } from '../../app/format.js';
import { inWords, type FieldWords } from '../../app/requestError.js';
import { prepareRun, type PreparedRun } from '../../app/runSetup.js';
import { lastText, parseNumber } from '../../app/values.js';
import { writeJsonLine } from '../output/jsonReporter.js';
import { heldOutOptions } from './heldOutOptions.js';
import { processIo, type Io } from '../output/reporter.js';

export interface EvaluateArgs {
  file: string;
  on?: string;
  lambda?: string;
  dataDir?: string;
  json?: boolean;
}

export function evaluateBuilder(yargs: Argv): Argv {
  return heldOutOptions(yargs)
    .positional('file', { describe: 'saved network (network2.py JSON)', type: 'string' })
    .option('lambda', {
      describe: 'L2 λ the network was trained with, to add the regularization term to the cost [default: 0]',
      requiresArg: true,
      coerce: lastText,
    })
    .option('json', { type: 'boolean', describe: 'one JSON object: accuracy, correct, total, cost' })
    .example('$0 evaluate net.json', 'validation accuracy and cost')
    .example('$0 evaluate book-net.json --on test --json', "a network saved by the book's network2.py, on the test set");
}

/** Evaluates the file; bad arguments and files throw (UsageError, DataError) for reportError. */
export function evaluateNetwork(args: EvaluateArgs, io: Io): number {
  const on = (args.on ?? 'validation') as HeldOut;
  const lambda = args.lambda === undefined ? 0 : parseNumber(args.lambda);
  const words: FieldWords = (field) => {
    if (field === 'heldOut') return { name: '--on', typed: args.on };
    if (field === 'lambda') return { name: '--lambda', typed: args.lambda };
    return { name: field === 'loadFrom' ? args.file : field };
  };
  let prepared: PreparedRun;
  try {
    // The same run setup as training; λ only adds its term to the cost (nothing is trained).
    prepared = prepareRun({ config: makeConfig({ lambda }), heldOut: on, loadFrom: args.file, dataDir: args.dataDir });
  } catch (error) {
    throw inWords(error, words);
  }
  const result = prepared.trainer.evaluate(prepared.heldOut);
  if (args.json) {
    writeJsonLine(io, { file: args.file, on, sizes: prepared.config.sizes, ...result });
  } else {
    io.stdout.write(
      `${args.file} [${prepared.config.sizes.join(',')}] on ${on}: accuracy ${percent(result.accuracy)} ` +
        `(${result.correct}/${result.total})  cost ${short(result.cost)}\n`,
    );
  }
  return EXIT.ok;
}

export const evaluateCommand: CommandModule = {
  command: 'evaluate <file>',
  describe: 'accuracy and cost of a saved network on the validation or test set',
  builder: evaluateBuilder,
  handler: (argv) => runCommand(async () => evaluateNetwork(argv as unknown as EvaluateArgs, processIo)),
};
