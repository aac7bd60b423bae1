// Which colours a text stream takes: 24-bit, the 256-colour palette, or none (NO_COLOR,
// FORCE_COLOR=0, TERM=dumb, or not a terminal), as https://no-color.org and FORCE_COLOR ask.

export type ColorMode = 'truecolor' | 'ansi256' | 'mono';

type Env = Record<string, string | undefined>;

export function colorModeOf(stream: { isTTY?: boolean }, env: Env = process.env): ColorMode {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'mono';
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return 'mono';
  const truecolor = env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' || force === '3';
  if (force !== undefined) return truecolor ? 'truecolor' : 'ansi256';
  if (!stream.isTTY || env.TERM === 'dumb') return 'mono';
  return truecolor ? 'truecolor' : 'ansi256';
}

/** ESC [ … m codes of an RGB colour (0..255 each) as foreground or background, in the given mode ('' in mono). */
export function colorCode(mode: ColorMode, rgb: readonly [number, number, number], layer: 'fg' | 'bg'): string {
  if (mode === 'mono') return '';
  const [r, g, b] = rgb.map((v) => Math.max(0, Math.min(255, Math.round(v)))) as [number, number, number];
  const lead = layer === 'fg' ? 38 : 48;
  if (mode === 'truecolor') return `\x1b[${lead};2;${r};${g};${b}m`;
  return `\x1b[${lead};5;${ansi256(r, g, b)}m`;
}

export const RESET = '\x1b[0m';

/** The nearest of the 256-colour palette: its 24 greys (and black, white) for grey, else the 6×6×6 cube. */
function ansi256(r: number, g: number, b: number): number {
  if (r === g && g === b) {
    if (r < 4) return 16;
    if (r > 246) return 231;
    return 232 + Math.min(23, Math.round((r - 8) / 10));
  }
  const step = (v: number) => Math.round((v / 255) * 5);
  return 16 + 36 * step(r) + 6 * step(g) + step(b);
}

/** Text without its colour codes (for widths and tests). */
export function stripColor(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
