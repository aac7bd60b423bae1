// The process exit codes of `netdash`, documented in docs/cli.md.
export const EXIT = {
  /** Success; an early stop or a schedule stop is a success too. */
  ok: 0,
  /** Training failed (diverged, or best accuracy below --fail-under), standard output failed, or an internal error. */
  failed: 1,
  /** Bad usage or bad input: an unknown flag, a bad value, a missing or malformed file. */
  usage: 2,
  /** Interrupted by Ctrl-C / SIGINT (128 + signal 2), after saving when --save was given. */
  interrupted: 130,
  /** Standard output closed by its reader (`| head`), as SIGPIPE (128 + 13); a run stops and saves first. */
  closedOutput: 141,
  /** Terminated by SIGTERM (128 + 15), after saving when --save was given. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes in one sentence, for `--help`. */
export const EXIT_HELP =
  'Exit codes: 0 success (an early stop too), 1 training failed (diverged, below --fail-under) or internal error, ' +
  '2 bad usage or bad input, 130 interrupted (Ctrl-C), 141 standard output closed, 143 terminated (SIGTERM). Set NETDASH_DEBUG=1 for stack traces of internal errors.';
