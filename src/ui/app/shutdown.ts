// How a netdash process ends when it is asked to stop: Ctrl-C (SIGINT), SIGTERM (kill, systemd,
// Docker, CI runners), or a standard output that closed (`| head`) or fails (a full disk). A run in
// progress is stopped as after Ctrl-C — the command then saves the best network and writes its
// summary — and the exit code tells why: 130, 143, 141 (the shells' 128 + signal convention; 141 is
// SIGPIPE), or 1 for an output that cannot be written. A second signal quits at once.
import { EXIT } from './exitCodes.js';

export type StopCause = 'SIGINT' | 'SIGTERM' | 'closed-output' | 'output-error';

const EXIT_CODE: Record<StopCause, number> = {
  SIGINT: EXIT.interrupted,
  SIGTERM: EXIT.terminated,
  'closed-output': EXIT.closedOutput,
  'output-error': EXIT.failed,
};

const MESSAGE: Record<StopCause, string> = {
  SIGINT: 'interrupted; stopping after the current mini-batch (Ctrl-C again to quit at once)',
  SIGTERM: 'terminated (SIGTERM); stopping after the current mini-batch',
  'closed-output': 'standard output was closed; stopping',
  'output-error': 'cannot write to standard output ({detail}); stopping',
};

interface Guard {
  controller: AbortController;
  stderr: NodeJS.WritableStream;
}

let guarded: Guard | undefined;
let cause: StopCause | undefined;
let installed = false;

function describeOutputError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOSPC') return 'no space left on device';
  return error.code ?? error.message;
}

function stop(next: StopCause, detail?: string): void {
  const stderr = guarded?.stderr ?? process.stderr;
  const outputFailed = next === 'closed-output' || next === 'output-error';
  // Every later write to a dead stdout fails too; the run is already stopping, so let it save.
  if (outputFailed && guarded?.controller.signal.aborted) return;
  if (!guarded || guarded.controller.signal.aborted) {
    // Nothing to stop gracefully (or asked twice): end now.
    if (guarded) writeQuietly(stderr, 'netdash: asked again; quitting without saving\n');
    else if (detail) writeQuietly(stderr, `netdash: cannot write to standard output (${detail})\n`);
    process.exit(EXIT_CODE[cause ?? next]);
  }
  cause = next;
  writeQuietly(stderr, `netdash: ${MESSAGE[next].replace('{detail}', detail ?? 'unknown error')}\n`);
  guarded.controller.abort();
}

function writeQuietly(stream: NodeJS.WritableStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // stderr itself is gone: there is nowhere left to say anything.
  }
}

/** Called once by the entry point: signals and stdout/stderr failures end the process cleanly. */
export function installShutdownHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stop('closed-output');
    else stop('output-error', describeOutputError(error));
  });
  // A failing stderr (2>/dev/full) must not turn a documented exit code into a crash.
  process.stderr.on('error', () => {});
}

/**
 * Routes the stop requests to `controller` while a run is in progress (until the returned function is
 * called). Without installShutdownHandlers (tests, direct callers) only SIGINT and SIGTERM are heard.
 */
export function guardRun(controller: AbortController, stderr: NodeJS.WritableStream): () => void {
  guarded = { controller, stderr };
  cause = undefined;
  const listeners = installed
    ? []
    : (['SIGINT', 'SIGTERM'] as const).map((signal) => {
        const listener = () => stop(signal);
        process.on(signal, listener);
        return [signal, listener] as const;
      });
  return () => {
    if (guarded?.controller === controller) guarded = undefined;
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}

/** The exit code of the stop that ended the last guarded run, if one did. */
export function stopExitCode(): number | undefined {
  return cause === undefined ? undefined : EXIT_CODE[cause];
}
