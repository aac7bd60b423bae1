import { describe, expect, it } from 'vitest';
import { measureFrames } from '../../../src/ui/tui/perf/measureFrames.js';

describe('the dashboard frame time (netdash bench)', () => {
  it('measures key and epoch frames of a 400-epoch run in view 4 at a terminal size', () => {
    // A few frames: the figures themselves come from `npm run bench`.
    const times = measureFrames(80, 24, 4);
    expect(times).toMatchObject({ size: '80×24', epochs: 400, view: 4 });
    for (const kind of [times.keyFrameMs, times.epochFrameMs]) {
      expect(kind.median).toBeGreaterThan(0);
      expect(kind.p95).toBeGreaterThanOrEqual(kind.median);
    }
  });
});
