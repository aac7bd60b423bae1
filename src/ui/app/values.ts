// Turning flag text into numbers at the edge. Flags are kept as the text the user typed, so an
// error can echo it ("--eta: got abc; …") instead of a NaN yargs made of it.

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number written in `text`, or NaN when it is not a plain decimal number. */
export function parseNumber(text: string): number {
  return NUMBER_TEXT.test(text.trim()) ? Number(text) : Number.NaN;
}

/** A comma list of numbers ("784,30,10"); entries that are not numbers become NaN. */
export function parseNumberList(text: string): number[] {
  return text.split(',').map((part) => parseNumber(part));
}

/** yargs collects a repeated flag into an array; for single-valued flags the last one wins. */
export function lastText(value: unknown): string {
  return String(Array.isArray(value) ? value.at(-1) : value);
}

/** Every value of a repeatable flag, each possibly a comma list: ["30", "20,10"] → ["30", "20", "10"]. */
export function listTexts(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => String(v).split(','));
}

export function isWholeNumber(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}
