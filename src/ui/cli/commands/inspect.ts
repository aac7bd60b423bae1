// `netdash inspect MODEL`: what a saved network (netdash's or network2.py's) gets wrong on the
// validation or test set: accuracy, the confusion matrix, per-digit recall and precision, the most
// confused pairs and the misclassified digits drawn in the terminal; --weights draws the first
// hidden layer's neurons. --json: one object.
import type { Argv, CommandModule } from 'yargs';
import { confusionMatrix, misclassified, mostConfused, perDigit, type Misclassified } from '../../../core/analysis/confusion.js';
import { makeConfig } from '../../../core/config.js';
import type { HeldOut } from '../../../core/experiments.js';
import type { Network } from '../../../core/network.js';
import { outputsOf } from '../../../core/predictions.js';
import type { Examples, Predictions } from '../../../core/types.js';
import { colorModeOf, type ColorMode } from '../../app/colorMode.js';
import { drawConfusion, pairText } from '../../app/confusionTable.js';
import { blocksPerRow, drawActivations, drawDigit, drawWeights, sideBySide } from '../../app/digitArt.js';
import { runCommand, UsageError } from '../../app/errors.js';
import { EXIT } from '../../app/exitCodes.js';
import { count, fixed, percent } from '../../app/format.js';
import { inWords, type FieldWords } from '../../app/requestError.js';
import { prepareRun, type PreparedRun } from '../../app/runSetup.js';
import { isWholeNumber, lastText, parseNumber } from '../../app/values.js';
import { writeJsonLine } from '../output/jsonReporter.js';
import { heldOutOptions } from './heldOutOptions.js';
import { processIo, type Io } from '../output/reporter.js';

export interface InspectArgs {
  model: string;
  on?: string;
  dataDir?: string;
  json?: boolean;
  errors?: string;
  weights?: boolean;
}

const DEFAULT_ERRORS = 3;
const MAX_ERRORS = 10_000;
/** Confused pairs named in the text report. */
const PAIRS_SHOWN = 5;

export function inspectBuilder(yargs: Argv): Argv {
  return heldOutOptions(yargs)
    .positional('model', { describe: 'saved network (netdash or network2.py JSON)', type: 'string' })
    .option('json', {
      type: 'boolean',
      describe: 'one JSON object: accuracy, correct, total, confusion, perDigit, misclassified',
    })
    .option('errors', {
      describe: `misclassified digits drawn, most confident first (0: none) [default: ${DEFAULT_ERRORS}]`,
      requiresArg: true,
      coerce: lastText,
    })
    .option('weights', { type: 'boolean', describe: "draw each first-layer hidden neuron's incoming weights" })
    .example('$0 inspect net.json', 'the confusion matrix and the surest mistakes on the validation set')
    .example('$0 inspect net.json --on test --errors 10 --weights', 'ten mistakes and the hidden neurons');
}

function errorsToDraw(args: InspectArgs): number {
  if (args.errors === undefined) return DEFAULT_ERRORS;
  const n = parseNumber(args.errors);
  if (!isWholeNumber(n, 0) || n > MAX_ERRORS) {
    throw new UsageError(`--errors: got ${args.errors}; must be a whole number from 0 to ${MAX_ERRORS}`);
  }
  return n;
}

/** Inspects the file; bad arguments and files throw (UsageError, DataError) for reportError. */
export function inspectNetwork(args: InspectArgs, io: Io, env: Record<string, string | undefined> = process.env): number {
  const errors = errorsToDraw(args);
  const on = (args.on ?? 'validation') as HeldOut;
  const words: FieldWords = (field) => {
    if (field === 'heldOut') return { name: '--on', typed: args.on };
    return { name: field === 'loadFrom' ? args.model : field };
  };
  let prepared: PreparedRun;
  try {
    prepared = prepareRun({ config: makeConfig({}), heldOut: on, loadFrom: args.model, dataDir: args.dataDir });
  } catch (error) {
    throw inWords(error, words);
  }
  const { heldOut, trainer } = prepared;
  const result = trainer.evaluate(heldOut, false, { outputs: true });
  const predictions = result.predictions!;
  const matrix = confusionMatrix(heldOut.labels, predictions.predicted, predictions.classes);
  const wrong = misclassified(heldOut.labels, predictions);
  const sizes = prepared.config.sizes;
  if (args.json) {
    const { accuracy, correct, total } = result;
    writeJsonLine(io, {
      file: args.model,
      on,
      sizes,
      accuracy,
      correct,
      total,
      confusion: matrix,
      perDigit: perDigit(matrix),
      misclassified: wrong,
    });
    return EXIT.ok;
  }
  const mode = colorModeOf(io.stdout, env);
  const columns = (io.stdout as { columns?: number }).columns ?? 80;
  const lines = [
    `${args.model} [${sizes.join(',')}] on ${on}: accuracy ${percent(result.accuracy)} (${count(result.correct)}/${count(result.total)})`,
    '',
    'Confusion matrix (rows: true digit, columns: what the network read)',
    ...drawConfusion(matrix, mode),
    '',
    `Most confused: ${mostConfused(matrix, PAIRS_SHOWN).map(pairText).join(' · ') || 'none'}`,
    '',
    `Misclassified: ${count(wrong.length)} of ${count(result.total)}, most confident first (index in the ${on} set)`,
    ...wrong.slice(0, errors).flatMap((m) => drawMistake(m, heldOut, predictions, mode)),
  ];
  if (args.weights) lines.push('', ...drawNeurons(trainer.currentNetwork(), mode, columns));
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function drawMistake(m: Misclassified, set: Examples, predictions: Predictions, mode: ColorMode): string[] {
  const image = set.pixels.subarray(m.index * set.inputSize, (m.index + 1) * set.inputSize);
  const bars = drawActivations(outputsOf(predictions, m.index)!, { prediction: m.prediction, label: m.label, width: 16 });
  return [
    '',
    `#${m.index}: a ${m.label} read as ${m.prediction} (confidence ${fixed(m.confidence)})`,
    ...sideBySide([drawDigit(image, mode), bars], 2, 3),
  ];
}

/** The first layer's neurons, each its 784 weights scaled to its own largest |weight|, as many per row as fit. */
function drawNeurons(network: Network, mode: ColorMode, columns: number): string[] {
  const inputs = network.sizes[0]!;
  const neurons = network.sizes[1]!;
  if (inputs !== 784) return [`--weights: the first layer takes ${inputs} inputs, not a 28 × 28 image; nothing to draw`];
  const weights = network.weights[0]!;
  const hidden = network.sizes.length > 2;
  const blocks = Array.from({ length: neurons }, (_, j) => [
    `${hidden ? 'neuron' : 'output'} ${j}`.padEnd(28),
    ...drawWeights(weights.subarray(j * inputs, (j + 1) * inputs), mode),
  ]);
  const title = hidden ? `Hidden neurons of the first layer (${neurons})` : `No hidden layer: the ${neurons} output neurons`;
  const scale = mode === 'mono' ? '░▒▓█ positive, .-=# negative' : 'red positive, blue negative';
  return [`${title}: incoming weights, ${scale}, each to its largest |weight|`, ...sideBySide(blocks, blocksPerRow(columns))];
}

export const inspectCommand: CommandModule = {
  command: 'inspect <model>',
  describe: 'confusion matrix, per-digit scores, misclassified digits and hidden neurons of a saved network',
  builder: inspectBuilder,
  handler: (argv) => runCommand(async () => inspectNetwork(argv as unknown as InspectArgs, processIo)),
};
