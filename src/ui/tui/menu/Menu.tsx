// The start screen: the chapter's experiments grouped, the highlighted one's description and the
// book's result below. Enter opens the settings (or the explorer); q quits.
import { Box, Text, useInput, useStdin } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo, useState } from 'react';
import { menuEntries, menuLimit, type MenuEntry } from './menuItems.js';
import { useTerminalSize } from '../useTerminalSize.js';

export interface MenuProps {
  /** Key of the entry to highlight first (the last one chosen). */
  initialKey?: string;
  onChoose: (entry: MenuEntry) => void;
  onQuit: () => void;
}

/** Title, blank line, details (4) and the key hint. */
const FIXED_LINES = 7;

export function Menu({ initialKey, onChoose, onQuit }: MenuProps) {
  const entries = useMemo(() => menuEntries(), []);
  const byKey = useMemo(() => new Map(entries.map((entry) => [entry.key, entry])), [entries]);
  const initialIndex = Math.max(
    0,
    entries.findIndex((entry) => entry.key === initialKey),
  );
  const [highlighted, setHighlighted] = useState<MenuEntry>(entries[initialIndex]!);
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (input === 'q' || key.escape) onQuit();
    },
    { isActive: Boolean(isRawModeSupported) },
  );
  const limit = menuLimit(rows - 1 - FIXED_LINES, entries);
  const items = entries.map((entry) => ({ key: entry.key, label: entry.key, value: entry.key }));
  const width = Math.max(20, columns - 1);

  // Entries render themselves: the group heading above the first of each group.
  const Item = useMemo(
    () =>
      function MenuItem({ isSelected = false, label }: { isSelected?: boolean; label: string }) {
        const entry = byKey.get(label)!;
        return (
          <Box flexDirection="column">
            {entry.firstInGroup && (
              <Text bold color="magenta">
                {entry.group}
              </Text>
            )}
            <Text color={isSelected ? 'cyan' : undefined} wrap="truncate">
              {isSelected ? '❯ ' : '  '}
              {entry.title}
            </Text>
          </Box>
        );
      },
    [byKey],
  );

  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        netdash · chapter 3: improving the way neural networks learn
      </Text>
      <Text> </Text>
      <SelectInput
        items={items}
        limit={limit}
        initialIndex={initialIndex}
        indicatorComponent={() => null}
        itemComponent={Item}
        onHighlight={(item) => setHighlighted(byKey.get(item.value)!)}
        onSelect={(item) => onChoose(byKey.get(item.value)!)}
      />
      <Box flexDirection="column" height={4} overflow="hidden">
        <Text dimColor>{'─'.repeat(Math.min(width, 60))}</Text>
        {highlighted.bookSummary && <Text color="yellow" wrap="truncate">{`book: ${highlighted.bookSummary}`}</Text>}
        <Text wrap="wrap">{highlighted.description}</Text>
      </Box>
      <Text dimColor wrap="truncate">
        ↑↓ choose · Enter open · q quit
      </Text>
    </Box>
  );
}
