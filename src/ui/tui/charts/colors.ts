// Stable colours per series: the same run and metric always get the same colour, in asciichart
// (ANSI prefixes inside the plot) and in Ink (legend text).
import asciichart from 'asciichart';

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

/** The ANSI prefix asciichart draws a series with. */
export function chartColor(color: SeriesColor): string {
  return asciichart[color];
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

// Earlier runs of the session overlaid with `c`.
const COMPARE_PALETTE: readonly SeriesColor[] = ['white', 'darkgray', 'lightgray'];

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
