// The start screen: the chapter's experiments grouped, the highlighted one's description and the
// book's result below. The list scrolls (saying how many entries are above and below) and never
// wraps around. Enter opens the settings (or the screen); q quits.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { ScreenFrame } from '../frame/ScreenFrame.js';
import type { KeyBinding } from '../input/keyMap.js';
import { neuronSettingsScreen } from '../neuron/NeuronSettings.js';
import { route, type ScreenDefinition, type ScreenProps } from '../screen.js';
import { MENU_SCREENS } from '../screens.js';
import { settingsScreen } from '../settings/Settings.js';
import { menuEntries, menuWindow, type MenuEntry } from './menuItems.js';

/** Separator, book result (up to two lines) and description (up to three lines). */
const DETAIL_LINES = 6;
const MEMORY_KEY = 'menu';

function Menu({ ctx }: ScreenProps<undefined>) {
  const entries = useMemo(() => menuEntries(undefined, MENU_SCREENS), []);
  const [selected, setSelected] = useState(() => (ctx.memory.get(MEMORY_KEY) as number | undefined) ?? 0);
  const move = (to: number) => {
    const next = Math.min(entries.length - 1, Math.max(0, to));
    ctx.memory.set(MEMORY_KEY, next);
    setSelected(next);
  };
  const open = (entry: MenuEntry) => {
    const { choice } = entry;
    if (choice.kind === 'screen') ctx.nav.open(choice.listing.open());
    else if (choice.experiment.neuron) ctx.nav.open(route(neuronSettingsScreen, { experiment: choice.experiment }));
    else ctx.nav.open(route(settingsScreen, { experiment: choice.experiment }));
  };
  const first = selected === 0;
  const last = selected === entries.length - 1;
  const bindings: KeyBinding[] = [
    {
      keys: ['up', 'k'],
      label: '↑↓',
      help: 'choose an experiment (↑ / ↓, or k / j)',
      hint: 'choose',
      run: () => move(selected - 1),
      unavailable: first ? 'already at the first entry' : undefined,
    },
    {
      keys: ['down', 'j'],
      label: '↓',
      help: 'next entry',
      run: () => move(selected + 1),
      unavailable: last ? 'already at the last entry' : undefined,
    },
    {
      keys: ['pageup', 'pagedown'],
      label: 'PgUp PgDn',
      help: 'a page up / down',
      run: (key) => move(selected + (key.name === 'pageup' ? -8 : 8)),
    },
    {
      keys: ['home', 'end', 'g', 'G'],
      label: 'Home End',
      help: 'first / last entry (also g / G)',
      run: (key) => move(key.name === 'home' || key.name === 'g' ? 0 : entries.length - 1),
    },
    {
      keys: ['return'],
      label: 'Enter',
      help: 'open: its settings, then Enter again starts it',
      hint: 'open',
      run: () => open(entries[selected]!),
    },
    { keys: ['q', 'escape'], label: 'q', help: 'quit netdash (also Esc)', hint: 'quit', run: () => ctx.nav.quit() },
  ];
  const entry = entries[selected]!;

  return (
    <ScreenFrame title="netdash · chapter 3: improving the way neural networks learn" bindings={bindings}>
      {({ width, height }) => {
        const listLines = Math.max(3, height - DETAIL_LINES - 2);
        const view = menuWindow(entries, selected, listLines);
        return (
          <>
            <Text dimColor wrap="truncate">
              {view.above > 0 ? `  ↑ ${view.above} more above` : ' '}
            </Text>
            <Box flexDirection="column" height={listLines}>
              {view.rows.map((row) =>
                'heading' in row ? (
                  <Text key={`g-${row.heading}`} bold color="magenta" wrap="truncate">
                    {row.heading}
                  </Text>
                ) : (
                  <Text key={entries[row.entry]!.key} color={row.entry === selected ? 'cyan' : undefined} wrap="truncate">
                    {row.entry === selected ? '❯ ' : '  '}
                    {entries[row.entry]!.title}
                  </Text>
                ),
              )}
            </Box>
            <Text dimColor wrap="truncate">
              {view.below > 0 ? `  ↓ ${view.below} more below` : ' '}
            </Text>
            <Box flexDirection="column" height={DETAIL_LINES} overflow="hidden">
              <Text dimColor>{'─'.repeat(Math.min(width, 60))}</Text>
              {entry.bookSummary && <Text color="yellow" wrap="wrap">{`book: ${entry.bookSummary}`}</Text>}
              <Text wrap="wrap">{entry.description}</Text>
            </Box>
          </>
        );
      }}
    </ScreenFrame>
  );
}

export const menuScreen: ScreenDefinition<undefined> = { id: 'menu', Component: Menu };
