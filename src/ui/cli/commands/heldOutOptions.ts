// The options of the commands that score a saved network (evaluate, inspect): which held-out set,
// of which MNIST-format folder.
import type { Argv } from 'yargs';
import { HELD_OUT_NAMES } from '../../../core/experiments.js';
import { lastText } from '../../app/values.js';

export function heldOutOptions(yargs: Argv): Argv {
  return yargs
    .option('on', {
      describe: `which set: ${HELD_OUT_NAMES.join(' | ')} [default: validation]`,
      requiresArg: true,
      coerce: lastText,
    })
    .option('data-dir', {
      describe: 'MNIST-format folder [default: the embedded MNIST]',
      type: 'string',
      requiresArg: true,
      coerce: lastText,
    });
}
