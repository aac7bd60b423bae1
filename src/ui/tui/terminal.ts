// The terminal around the dashboard: the environment Ink is imported into (colours, CI) and the
// alternate screen it is drawn on. Nothing here imports Ink or React (not even indirectly):
// command.ts calls prepareInkEnvironment before they are first imported, since they (and chalk,
// is-in-ci) read the environment once, when loaded.

/**
 * Whether the screens may use colour: not when NO_COLOR is set (https://no-color.org) or
 * FORCE_COLOR is 0 / false. Ink's own colours follow FORCE_COLOR, which is set to match.
 */
export function colorAllowed(env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !(env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false');
}

/** Environment variables is-in-ci reads: with any of them set Ink writes no frame until it exits. */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'];

/**
 * Makes the environment say what the dashboard needs before Ink is imported: no CI (the terminal is
 * real, checked by the caller, so frames must be drawn) and FORCE_COLOR=0 when colour is not
 * allowed (NO_COLOR), which chalk obeys; React in its production build unless NODE_ENV says
 * otherwise. Returns whether colour is allowed.
 */
export function prepareInkEnvironment(env: NodeJS.ProcessEnv): { color: boolean } {
  for (const name of CI_VARIABLES) delete env[name];
  // React's production build: a frame costs less without its development checks.
  env.NODE_ENV ??= 'production';
  const color = colorAllowed(env);
  if (!color) env.FORCE_COLOR = '0';
  return { color };
}

const ENTER_ALTERNATE = '\u001B[?1049h\u001B[2J\u001B[H';
const LEAVE_ALTERNATE = '\u001B[?1049l';
const WIPE = '\u001B[2J\u001B[3J\u001B[H';

/**
 * Draws on the terminal's alternate screen, as htop, lazygit and vim do, and gives the shell's
 * screen back on every way out: the returned function (normal exit, error), or the process exiting
 * (SIGTERM, a second Ctrl-C). A resize wipes the screen first, so lines the terminal re-wrapped
 * never stay behind (Ink redraws the whole frame after it).
 */
export function enterAlternateScreen(stdout: NodeJS.WriteStream): () => void {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    stdout.off('resize', wipe);
    process.off('exit', leave);
    try {
      stdout.write(LEAVE_ALTERNATE);
    } catch {
      // The terminal is gone: there is no screen left to restore.
    }
  };
  const wipe = () => stdout.write(WIPE);
  stdout.write(ENTER_ALTERNATE);
  // Before Ink's own resize listener, which redraws.
  stdout.prependListener('resize', wipe);
  process.on('exit', leave);
  return leave;
}
