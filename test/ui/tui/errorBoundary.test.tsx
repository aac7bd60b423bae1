import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/ui/tui/ErrorBoundary.js';
import { waitForText } from '../../helpers/waitFor.js';

function Broken(): never {
  throw new Error('chart exploded\n    at Chart (Chart.tsx:1:1)');
}

describe('ErrorBoundary', () => {
  it('shows a render error as one readable line and reports it (so runTui can restore the terminal)', async () => {
    const onError = vi.fn();
    // React logs caught errors to the console; keep the test output clean.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ui = render(
        <ErrorBoundary onError={onError}>
          <Broken />
        </ErrorBoundary>,
      );
      const frame = await waitForText(ui.lastFrame, 'internal error');
      expect(frame).toContain('chart exploded');
      expect(frame).not.toContain('Chart.tsx');
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('chart exploded') }));
      ui.unmount();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('renders its children when nothing fails', async () => {
    const ui = render(
      <ErrorBoundary onError={() => {}}>
        <Text>all good</Text>
      </ErrorBoundary>,
    );
    await waitForText(ui.lastFrame, 'all good');
    ui.unmount();
  });
});
