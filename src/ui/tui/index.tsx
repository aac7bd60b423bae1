// Entry of the dashboard: `netdash` with no command in an interactive terminal (the CLI checks
// that stdin and stdout are terminals before importing this). Resolves with the exit code.
import { render } from 'ink';
import { firstLine } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { App } from './App.js';
import { ErrorBoundary } from './ErrorBoundary.js';

export interface TuiOptions {
  /** MNIST folder; the embedded copy by default. */
  dataDir?: string;
}

/** Redraws per second at most: enough for live charts, few enough not to flicker. */
const MAX_FPS = 15;

export async function runTui(options: TuiOptions = {}): Promise<number> {
  // The CLI checks this first; checked again so a direct caller never gets Ink on a pipe.
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'netdash: the dashboard needs an interactive terminal; use `netdash train` (add --json for machine-readable output)\n',
    );
    return EXIT.usage;
  }
  let exitCode: number = EXIT.ok;
  let fatal: string | undefined;
  const onRenderError = () => {
    exitCode = EXIT.failed;
    // Let the boundary's message reach the screen, then unmount (which restores the terminal).
    setTimeout(() => instance.unmount(), 50);
  };
  const instance = render(
    <ErrorBoundary onError={onRenderError}>
      <App dataDir={options.dataDir} />
    </ErrorBoundary>,
    { maxFps: MAX_FPS, exitOnCtrlC: true },
  );
  // Errors outside rendering (key handlers, timers): restore the terminal, then report them.
  const onFatal = (error: unknown) => {
    exitCode = EXIT.failed;
    fatal = firstLine(error);
    instance.unmount();
  };
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    await instance.waitUntilExit();
  } catch (error) {
    exitCode = EXIT.failed;
    fatal ??= firstLine(error);
  } finally {
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
  if (fatal !== undefined) process.stderr.write(`netdash: internal error: ${fatal}\n`);
  return exitCode;
}
