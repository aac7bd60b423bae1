// The menu's entries: the chapter's experiments in their groups, then the user's own choices
// (Custom… and the screens of screens.ts).
import { EXPERIMENTS, type Experiment } from '../../../core/experiments.js';
import type { MenuListing } from '../screen.js';
import { CUSTOM_EXPERIMENT } from '../settings/runPlan.js';

export type MenuChoice = { kind: 'experiment'; experiment: Experiment } | { kind: 'screen'; listing: MenuListing };

export interface MenuEntry {
  /** Unique; the experiment id for experiments. */
  key: string;
  title: string;
  group: string;
  /** Whether the group's heading goes above this entry. */
  firstInGroup: boolean;
  description: string;
  bookSummary?: string;
  choice: MenuChoice;
}

const OWN_GROUP = 'Your own';

export function menuEntries(experiments: readonly Experiment[] = EXPERIMENTS, screens: readonly MenuListing[] = []): MenuEntry[] {
  // Groups in order of first appearance, experiments in preset order within a group.
  const groups = [...new Set(experiments.map((experiment) => experiment.group))];
  const entries: MenuEntry[] = groups.flatMap((group) =>
    experiments
      .filter((experiment) => experiment.group === group)
      .map((experiment, index) => ({
        key: experiment.id,
        title: experiment.title,
        group,
        firstInGroup: index === 0,
        description: experiment.description,
        bookSummary: experiment.bookSummary,
        choice: { kind: 'experiment', experiment } as const,
      })),
  );
  entries.push({
    key: CUSTOM_EXPERIMENT.id,
    title: 'Custom…',
    group: OWN_GROUP,
    firstInGroup: true,
    description: CUSTOM_EXPERIMENT.description,
    choice: { kind: 'experiment', experiment: CUSTOM_EXPERIMENT },
  });
  for (const listing of screens) {
    entries.push({
      key: listing.key,
      title: listing.title,
      group: OWN_GROUP,
      firstInGroup: false,
      description: listing.description,
      choice: { kind: 'screen', listing },
    });
  }
  return entries;
}

/** A line of the list: a group heading or an entry. */
export type MenuRow = { heading: string } | { entry: number };

export function menuRows(entries: readonly MenuEntry[]): MenuRow[] {
  return entries.flatMap((entry, index): MenuRow[] =>
    entry.firstInGroup ? [{ heading: entry.group }, { entry: index }] : [{ entry: index }],
  );
}

export interface MenuWindow {
  /** First row shown. */
  top: number;
  rows: MenuRow[];
  /** Entries above and below the shown rows. */
  above: number;
  below: number;
}

/**
 * The rows shown in `height` lines: the selected entry kept near the middle (so the heading of its
 * group and its neighbours are in view), clamped to the ends. The list never wraps around.
 */
export function menuWindow(entries: readonly MenuEntry[], selected: number, height: number): MenuWindow {
  const rows = menuRows(entries);
  const lines = Math.max(1, height);
  const selectedRow = rows.findIndex((row) => 'entry' in row && row.entry === selected);
  const top = Math.min(Math.max(0, selectedRow - Math.floor((lines - 1) / 2)), Math.max(0, rows.length - lines));
  const shown = rows.slice(top, top + lines);
  const entriesIn = (list: MenuRow[]) => list.filter((row) => 'entry' in row).length;
  return { top, rows: shown, above: entriesIn(rows.slice(0, top)), below: entriesIn(rows.slice(top + lines)) };
}
