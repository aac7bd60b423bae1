// Entry of the dashboard: `netdash` with no command in an interactive terminal (the CLI checks
// that stdin and stdout are terminals before importing this). Resolves with the exit code.
import { render } from 'ink';
import { firstLine } from '../app/errors.js';
import { EXIT } from '../app/exitCodes.js';
import { App } from './App.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { enterAlternateScreen } from './terminal.js';

export interface TuiOptions {
  /** MNIST folder; the embedded copy by default. */
  dataDir?: string;
  /** Runs folder to record into and list (undefined: --no-record). */
  runsDir?: string;
  /** Colour codes (false under NO_COLOR); see terminal.ts prepareInkEnvironment. */
  color?: boolean;
}

/** Redraws per second at most: a key's frame waits at most 1/30 s for its turn. */
const MAX_FPS = 30;

export async function runTui(options: TuiOptions = {}): Promise<number> {
  // The CLI checks this first; checked again so a direct caller never gets Ink on a pipe.
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'netdash: the dashboard needs an interactive terminal; use `netdash train` (add --json for machine-readable output)\n',
    );
    return EXIT.usage;
  }
  const leaveAlternateScreen = enterAlternateScreen(process.stdout);
  let exitCode: number = EXIT.ok;
  let fatal: string | undefined;
  const onRenderError = () => {
    exitCode = EXIT.failed;
    // Let the boundary's message reach the screen, then unmount (which restores the terminal).
    setTimeout(() => instance.unmount(), 50);
  };
  const instance = render(
    <ErrorBoundary onError={onRenderError}>
      <App dataDir={options.dataDir} runsDir={options.runsDir} color={options.color ?? true} />
    </ErrorBoundary>,
    // Ctrl-C is a key of the key layer, wherever it falls in a chunk of input.
    { maxFps: MAX_FPS, exitOnCtrlC: false },
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
    leaveAlternateScreen();
  }
  if (fatal !== undefined) process.stderr.write(`netdash: internal error: ${fatal}\n`);
  return exitCode;
}
