// Entry of the frame-time measurement (see measureFrames.tsx): React is loaded in its production
// build, as the dashboard runs it (terminal.ts), before the dashboard's modules are imported.
import type { FrameTimes } from './measureFrames.js';

export type { FrameTimes } from './measureFrames.js';

/** The bench's figures: 80×24 and 200×60, 400 epochs, view 4. */
export async function measureDashboardFrames(): Promise<FrameTimes[]> {
  process.env.NODE_ENV ??= 'production';
  const { measureFrames } = await import('./measureFrames.js');
  return [measureFrames(80, 24), measureFrames(200, 60)];
}
