// How errors leave the CLI: bad input is one line and exit 2, anything unexpected is one line
// "internal error" and exit 1 (with the stack only when NETDASH_DEBUG=1). Never a raw stack trace.
import { ModelFormatError } from '../../core/modelFormat.js';
import { DataError } from '../../data/errors.js';
import { EXIT } from './exitCodes.js';

/** Bad flags or values; each line of the message names a flag, the value and what is allowed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first line of an error's message (or of any thrown value as text): what one-line reports show. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** Missing or malformed files, and an --engine this runtime cannot run (src/core/engines.ts). */
function isBadInput(error: unknown): error is Error {
  return (
    error instanceof DataError ||
    error instanceof ModelFormatError ||
    (error instanceof Error && error.name === 'EngineUnavailableError')
  );
}

/** Prints the error on stderr (each line led by `prefix`) and returns the exit code it maps to. */
export function reportError(
  error: unknown,
  stderr: { write(text: string): unknown } = process.stderr,
  prefix = 'netdash',
): number {
  if (error instanceof UsageError) {
    // One line per bad flag, so all of them can be fixed at once.
    for (const line of error.message.split('\n')) stderr.write(`${prefix}: ${line}\n`);
    return EXIT.usage;
  }
  if (isBadInput(error)) {
    stderr.write(`${prefix}: ${firstLine(error)}\n`);
    return EXIT.usage;
  }
  stderr.write(`${prefix}: internal error: ${firstLine(error)}\n`);
  if (process.env.NETDASH_DEBUG === '1' && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT.failed;
}

/** Runs a command body and turns its result or error into process.exitCode. */
export async function runCommand(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
