// The menu's entries: the chapter's experiments in their groups, then the user's own choices.
import { EXPERIMENTS, type Experiment } from '../../../core/experiments.js';
import { CUSTOM_EXPERIMENT } from '../settings/runPlan.js';

export type MenuChoice = { kind: 'experiment'; experiment: Experiment } | { kind: 'softmax' };

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

export function menuEntries(experiments: readonly Experiment[] = EXPERIMENTS): MenuEntry[] {
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
  entries.push(
    {
      key: CUSTOM_EXPERIMENT.id,
      title: 'Custom…',
      group: OWN_GROUP,
      firstInGroup: true,
      description: CUSTOM_EXPERIMENT.description,
      choice: { kind: 'experiment', experiment: CUSTOM_EXPERIMENT },
    },
    {
      key: 'softmax-explorer',
      title: 'Softmax explorer',
      group: OWN_GROUP,
      firstInGroup: false,
      description: 'Change four weighted inputs z₁…z₄ and the sharpness c; see their softmax activations, which always sum to 1.',
      choice: { kind: 'softmax' },
    },
  );
  return entries;
}

/** Items the list can show in `lines` rows, leaving room for the group headings. */
export function menuLimit(lines: number, entries: readonly MenuEntry[]): number {
  const headings = entries.filter((entry) => entry.firstInGroup).length;
  return Math.max(3, Math.min(entries.length, lines - headings));
}
