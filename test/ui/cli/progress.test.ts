import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TtyProgress } from '../../../src/ui/cli/output/progress.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      callback();
    },
  });
  return { stream, text: () => text };
}

const event = { type: 'batch', epoch: 2, batch: 50, batches: 100, examplesPerSecond: 12345.6 } as const;
const savedTerm = process.env.TERM;
afterEach(() => {
  if (savedTerm === undefined) delete process.env.TERM;
  else process.env.TERM = savedTerm;
});

describe('TtyProgress', () => {
  it('redraws one line with an ANSI erase in a capable terminal', () => {
    process.env.TERM = 'xterm-256color';
    const out = capture();
    const progress = new TtyProgress(out.stream, 30);
    progress.update(event);
    progress.clear();
    expect(out.text()).toBe('\r\x1b[2Kepoch 2/30  50%  12,346 img/s\r\x1b[2K');
  });

  it('uses no escape codes at all under TERM=dumb', () => {
    process.env.TERM = 'dumb';
    const out = capture();
    const progress = new TtyProgress(out.stream, 30);
    progress.update(event);
    progress.clear();
    expect(out.text()).not.toContain('\x1b');
    expect(out.text()).toContain('epoch 2/30  50%  12,346 img/s');
  });
});
