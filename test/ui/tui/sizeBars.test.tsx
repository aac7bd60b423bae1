import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { SizeBars } from '../../../src/ui/tui/dashboard/SizeBars.js';
import type { SizeBar } from '../../../src/ui/tui/dashboard/dashboardSelectors.js';
import { waitForText } from '../../helpers/waitFor.js';

describe('SizeBars', () => {
  it('draws one bar per run without React warnings, even when a capped training set repeats a size', async () => {
    // With --training-size capped, several runs of the more-data plan train on the same N.
    const bars: SizeBar[] = [
      { trainingSize: 300, accuracy: 0.81, book: 0.82, state: 'done' },
      { trainingSize: 300, accuracy: 0.86, state: 'done' },
      { trainingSize: 300, state: 'running' },
    ];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ui = render(<SizeBars bars={bars} showBook={true} width={80} height={6} />);
      const frame = await waitForText(ui.lastFrame, 'training…');
      expect(frame.split('\n').filter((line) => line.startsWith('N=300'))).toHaveLength(3);
      expect(frame).toContain('81.00%');
      expect(frame).toContain('book 82.00%');
      ui.rerender(
        <SizeBars bars={bars.map((bar) => ({ ...bar, state: 'done', accuracy: 0.9 }))} showBook={false} width={80} height={6} />,
      );
      await waitForText(ui.lastFrame, '90.00%');
      ui.unmount();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
