// Ctrl-C during training: the first SIGINT aborts the trainer (it stops at its next yield, then
// the command saves and summarizes); a second one quits at once.
import { EXIT } from '../app/exitCodes.js';

/** Listens for SIGINT until the returned function is called. */
export function abortOnInterrupt(controller: AbortController, stderr: NodeJS.WritableStream): () => void {
  const onSigint = () => {
    if (controller.signal.aborted) {
      stderr.write('netdash: interrupted again; quitting without saving\n');
      process.exit(EXIT.interrupted);
    }
    stderr.write('netdash: interrupted; stopping after the current mini-batch (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}
