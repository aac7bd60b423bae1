// Polls a condition until it holds (or fails with the last frame), instead of sleeping blindly.
export async function waitFor<T>(
  probe: () => T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 20 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = options.describe ? `\n${options.describe()}` : '';
      throw new Error(`waitFor timed out after ${timeoutMs} ms${lastError ? ` (${String(lastError)})` : ''}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the frame contains `text`; returns the frame. */
export function waitForText(lastFrame: () => string | undefined, text: string | RegExp, timeoutMs?: number): Promise<string> {
  return waitFor(
    () => {
      const frame = lastFrame() ?? '';
      return (typeof text === 'string' ? frame.includes(text) : text.test(frame)) ? frame : undefined;
    },
    { timeoutMs, describe: () => `expected ${String(text)} in:\n${lastFrame() ?? ''}` },
  );
}

/**
 * Lets React finish the frame just seen: Ink writes a frame at commit, and the new screen's input
 * listeners are attached by effects that run a macrotask later. Keys written before that would
 * reach the previous screen.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Writes keys once the current frame's listeners are in place. */
export async function press(stdin: { write: (data: string) => void }, keys: string): Promise<void> {
  await settle();
  stdin.write(keys);
}
