// The key map of a screen, as data: which keys act, what they do (for `?` and the footer), whether a
// toggle is on, why a key does nothing right now, and what to confirm first. One list per screen
// drives its keys, its help and its footer, so the three never disagree.
import { packLines } from '../charts/chartData.js';
import { keyId, type Key } from './keys.js';

export interface KeyBinding {
  /** Key ids (keys.ts keyId): 'p', '?', 'up', 'S-right', 'return', 'escape'. */
  keys: readonly string[];
  /** How help and footer write the keys: 'p', '↑↓', '1-4', 'q Esc'. */
  label: string;
  /** What the key does, for the `?` help. */
  help: string;
  /** A word or two for the footer; bindings without one are listed only in the help. */
  hint?: string;
  /** The keys as the footer writes them, when they differ from `label` (views: '1-6'). */
  hintLabel?: string;
  /** A toggle that is on. */
  active?: boolean;
  /** Why the key does nothing right now (said briefly when pressed); undefined when it acts. */
  unavailable?: string;
  /** Asked before acting (y or Enter goes ahead), e.g. leaving a run that is still training. */
  confirm?: string;
  run: (key: Key) => void;
}

/** Keys every screen shares: the same key does the same thing everywhere. */
export const COMMON_KEYS = {
  back: ['q', 'escape'],
  pause: ['p'],
  help: ['?'],
  slower: ['-'],
  faster: ['+', '='],
} as const;

export function bindingFor(bindings: readonly KeyBinding[], pressed: Key): KeyBinding | undefined {
  const id = keyId(pressed);
  return bindings.find((binding) => binding.keys.includes(id));
}

/** How a key is written in a notice: 'x', 'Tab', '↓'. */
export function keyLabel(pressed: Key): string {
  const arrows: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→' };
  const id = keyId(pressed);
  return arrows[id] ?? (pressed.text !== '' && pressed.text !== ' ' ? pressed.text : id);
}

export interface HelpRow {
  label: string;
  text: string;
  /** Dimmed: the key exists on this screen but does nothing right now. */
  dim?: boolean;
  heading?: boolean;
}

/** The `?` help of a screen: its keys (with why some do nothing now), then its notes. */
export function helpRows(bindings: readonly KeyBinding[], notes: readonly HelpRow[] = []): HelpRow[] {
  const rows: HelpRow[] = [{ label: '', text: 'Keys on this screen', heading: true }];
  for (const binding of bindings) {
    rows.push({
      label: binding.label,
      text: binding.unavailable ? `${binding.help} (now: ${binding.unavailable})` : binding.help,
      dim: binding.unavailable !== undefined,
    });
  }
  rows.push({ label: '?', text: 'this help (? or Esc closes it; ↑↓ scroll it)' }, { label: 'Ctrl-C', text: 'quit netdash' });
  return [...rows, ...notes];
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

export interface HelpLine {
  /** The key column (blank on continuation lines). */
  label: string;
  text: string;
  dim?: boolean;
  heading?: boolean;
}

/** The help's rows as screen lines of at most `width` characters: long texts wrap under themselves. */
export function helpLines(rows: readonly HelpRow[], width: number): { lines: HelpLine[]; labelWidth: number } {
  const labelWidth = Math.min(10, Math.max(...rows.map((row) => row.label.length)) + 2);
  const lines = rows.flatMap((row): HelpLine[] => {
    if (row.heading) return [{ label: '', text: row.text, heading: true }];
    return wrapWords(row.text, Math.max(10, width - 2 - labelWidth)).map((text, index) => ({
      label: index === 0 ? row.label : '',
      text,
      dim: row.dim,
    }));
  });
  return { lines, labelWidth };
}

export interface FooterHint {
  key: string;
  action: string;
  active?: boolean;
}

export function footerHints(bindings: readonly KeyBinding[]): FooterHint[] {
  const hints = bindings
    .filter((binding) => binding.hint !== undefined)
    .map((binding) => ({ key: binding.hintLabel ?? binding.label, action: binding.hint!, active: binding.active }));
  return [...hints, { key: '?', action: 'help' }];
}

/** Footer hints packed into lines of at most `width` characters. */
export function footerLines(hints: readonly FooterHint[], width: number): FooterHint[][] {
  const widths = hints.map((hint) => hint.key.length + 1 + hint.action.length + (hint.active ? 1 : 0));
  return packLines(widths, width).map((line) => line.map((index) => hints[index]!));
}
