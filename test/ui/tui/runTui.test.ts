import { describe, expect, it, vi } from 'vitest';
import { runTui } from '../../../src/ui/tui/index.js';

describe('runTui', () => {
  it('does not start Ink without a terminal: says so on stderr and returns 2', async () => {
    const stdinTty = process.stdin.isTTY;
    const stdoutTty = process.stdout.isTTY;
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
      expect(await runTui({})).toBe(2);
      expect(String(write.mock.calls[0]?.[0])).toMatch(/needs an interactive terminal; use `netdash train`.*--json/);
    } finally {
      write.mockRestore();
      Object.defineProperty(process.stdin, 'isTTY', { value: stdinTty, configurable: true });
      Object.defineProperty(process.stdout, 'isTTY', { value: stdoutTty, configurable: true });
    }
  });
});
