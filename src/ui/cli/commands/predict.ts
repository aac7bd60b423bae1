// `netdash predict MODEL IMAGE...`: classifies your own handwritten digits. Each image (PNG or PGM)
// is prepared as MNIST's digits were made (src/data/digitShaping.ts) and fed to the network; the
// 28 × 28 image it sees, the predicted digit and the ten outputs are printed. --json: one object
// per image. Every bad image is named on its own line (exit 2) before anything is printed.
import type { Argv, CommandModule } from 'yargs';
import { argmax } from '../../../core/batches.js';
import type { Network } from '../../../core/network.js';
import { shapeLikeMnist, type ShapedDigit } from '../../../data/digitShaping.js';
import { DataError } from '../../../data/errors.js';
import { readImage } from '../../../data/images.js';
import { loadNetwork } from '../../../data/modelFile.js';
import { colorModeOf } from '../../app/colorMode.js';
import { drawActivations, drawDigit, sideBySide } from '../../app/digitArt.js';
import { runCommand, UsageError } from '../../app/errors.js';
import { EXIT } from '../../app/exitCodes.js';
import { fixed } from '../../app/format.js';
import { writeJsonLine } from '../output/jsonReporter.js';
import { processIo, type Io } from '../output/reporter.js';

export interface PredictArgs {
  model: string;
  images: string[];
  json?: boolean;
}

const MNIST_INPUTS = 784;

export function predictBuilder(yargs: Argv): Argv {
  return yargs
    .positional('model', { describe: 'saved network (netdash or network2.py JSON)', type: 'string' })
    .positional('images', { describe: 'PNG or PGM images of one digit each', type: 'string', array: true })
    .option('json', { type: 'boolean', describe: 'one JSON object per image: file, prediction, outputs' })
    .example('$0 predict net.json my-seven.png', 'what the network reads in your digit')
    .example('$0 predict net.json digits/*.png --json', 'one JSON line per image');
}

interface Prepared {
  file: string;
  digit: ShapedDigit;
}

/** Reads and shapes every image; all the bad ones are reported together, one line each. */
function prepareImages(files: readonly string[]): Prepared[] {
  const prepared: Prepared[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const digit = shapeLikeMnist(readImage(file));
      if (!digit) throw new DataError(file, 'no digit found: no ink darker or lighter than the paper');
      prepared.push({ file, digit });
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return prepared;
}

/** The network's outputs for one 28 × 28 byte image (copied: feedforward reuses its buffers). */
export function outputsFor(network: Network, pixels: Uint8Array): number[] {
  const x = Float64Array.from(pixels, (v) => v / 255);
  const { a } = network.feedforward(x, 1);
  return Array.from(a.subarray(0, network.outputSize));
}

/** Classifies the images; bad arguments and files throw (UsageError, DataError) for reportError. */
export function predictDigits(args: PredictArgs, io: Io, env: Record<string, string | undefined> = process.env): number {
  const network = loadNetwork(args.model);
  if (network.sizes[0] !== MNIST_INPUTS) {
    throw new DataError(
      args.model,
      `the network takes ${network.sizes[0]} inputs; predict needs ${MNIST_INPUTS} (28 × 28 images)`,
    );
  }
  const images = prepareImages(args.images);
  const mode = colorModeOf(io.stdout, env);
  for (const { file, digit } of images) {
    const outputs = outputsFor(network, digit.pixels);
    const prediction = argmax(Float64Array.from(outputs), 0, outputs.length);
    if (args.json) {
      writeJsonLine(io, { file, prediction, outputs });
      continue;
    }
    const ink = digit.polarity === 'dark-on-light' ? 'dark ink on light paper' : 'light ink on a dark ground';
    const lines = [
      `${file}: ${prediction} (output ${fixed(outputs[prediction])}; ${ink})`,
      ...sideBySide([drawDigit(digit.pixels, mode), drawActivations(outputs, { prediction, width: 16 })], 2, 3),
      '',
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return EXIT.ok;
}

export const predictCommand: CommandModule = {
  command: 'predict <model> <images..>',
  describe: 'classify your own handwritten digits (PNG or PGM images)',
  builder: predictBuilder,
  handler: (argv) => runCommand(async () => predictDigits(argv as unknown as PredictArgs, processIo)),
};
