// Stable colours per series: the same run and metric always get the same colour, in the plot
// (ANSI codes, left out under NO_COLOR) and in Ink (legend text). Colour is never the only cue:
// the book's curves are dotted and earlier runs dashed (chartPlot.ts), and legends name them.
import { createContext, useContext } from 'react';

export type SeriesColor =
  | 'blue'
  | 'green'
  | 'magenta'
  | 'cyan'
  | 'red'
  | 'yellow'
  | 'lightblue'
  | 'lightgreen'
  | 'lightmagenta'
  | 'lightcyan'
  | 'lightred'
  | 'lightyellow'
  | 'white'
  | 'darkgray'
  | 'lightgray';

/** The Ink (chalk) name of each colour, for legends drawn with <Text color>. */
export const INK_COLOR: Readonly<Record<SeriesColor, string>> = {
  blue: 'blue',
  green: 'green',
  magenta: 'magenta',
  cyan: 'cyan',
  red: 'red',
  yellow: 'yellow',
  lightblue: 'blueBright',
  lightgreen: 'greenBright',
  lightmagenta: 'magentaBright',
  lightcyan: 'cyanBright',
  lightred: 'redBright',
  lightyellow: 'yellowBright',
  white: 'whiteBright',
  darkgray: 'gray',
  lightgray: 'white',
};

const ANSI: Readonly<Record<SeriesColor, number>> = {
  blue: 34,
  green: 32,
  magenta: 35,
  cyan: 36,
  red: 31,
  yellow: 33,
  lightblue: 94,
  lightgreen: 92,
  lightmagenta: 95,
  lightcyan: 96,
  lightred: 91,
  lightyellow: 93,
  white: 97,
  darkgray: 90,
  lightgray: 37,
};

/** The ANSI code the plot draws a series with. */
export function ansiColor(color: SeriesColor): string {
  return `\u001B[${ANSI[color]}m`;
}

/** Whether the charts draw colour codes (false under NO_COLOR); provided by the App. */
export const ColorContext = createContext(true);

export function useColor(): boolean {
  return useContext(ColorContext);
}

interface RunColors {
  training: SeriesColor;
  validation: SeriesColor;
  bookTraining: SeriesColor;
  bookValidation: SeriesColor;
}

// Runs of one experiment (e.g. the three η): a colour pair each, the book's curve in the light shade.
const RUN_PALETTE: readonly RunColors[] = [
  { training: 'blue', validation: 'green', bookTraining: 'lightblue', bookValidation: 'lightgreen' },
  { training: 'magenta', validation: 'cyan', bookTraining: 'lightmagenta', bookValidation: 'lightcyan' },
  { training: 'red', validation: 'yellow', bookTraining: 'lightred', bookValidation: 'lightyellow' },
];

// Earlier runs of the session overlaid with `c` (dashed, so never mistaken for the book's dotted curves).
const COMPARE_PALETTE: readonly SeriesColor[] = ['white', 'lightyellow', 'lightred'];

/** How many runs of one plan get a colour pair of their own. */
export const RUN_COLOUR_PAIRS = RUN_PALETTE.length;

export function runColor(runIndex: number, set: 'training' | 'validation', book = false): SeriesColor {
  const colors = RUN_PALETTE[runIndex % RUN_PALETTE.length]!;
  if (book) return set === 'training' ? colors.bookTraining : colors.bookValidation;
  return colors[set];
}

export function compareColor(slot: number): SeriesColor {
  return COMPARE_PALETTE[slot % COMPARE_PALETTE.length]!;
}

/** How many earlier runs `c` overlays at most (more would be unreadable). */
export const MAX_COMPARED_RUNS = COMPARE_PALETTE.length;
