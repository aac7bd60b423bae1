// The text pictures: a synthetic image in half blocks (colour) and shades (monochrome), weights on
// a diverging scale, the activation bars, the confusion table, and when colour is on.
import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../src/core/analysis/confusion.js';
import { colorModeOf, stripColor } from '../../../src/ui/app/colorMode.js';
import { drawConfusion, pairText } from '../../../src/ui/app/confusionTable.js';
import { bar, blocksPerRow, drawActivations, drawDigit, drawWeights, sideBySide } from '../../../src/ui/app/digitArt.js';

/** A 28 × 28 image: a white 4 × 6 block at columns 10..13, rows 4..9; pixel (0, 0) half grey. */
function synthetic(): Uint8Array {
  const pixels = new Uint8Array(784);
  for (let y = 4; y < 10; y++) for (let x = 10; x < 14; x++) pixels[y * 28 + x] = 255;
  pixels[0] = 128;
  return pixels;
}

describe('drawDigit', () => {
  it('monochrome: 14 lines of 28 shade characters, one per pair of rows', () => {
    const lines = drawDigit(synthetic(), 'mono');
    expect(lines).toHaveLength(14);
    expect(lines.every((line) => [...line].length === 28)).toBe(true);
    // Rows 4..9 are lines 2..4; the block covers both pixels of each pair: full.
    for (const y of [2, 3, 4]) expect(lines[y]).toBe(`${' '.repeat(10)}████${' '.repeat(14)}`);
    // Pixel (0, 0) at 128 over a black one: a quarter of full ink, the lightest shade.
    expect(lines[0]![0]).toBe('░');
    expect(lines.filter((_, y) => ![0, 2, 3, 4].includes(y)).every((line) => line.trim() === '')).toBe(true);
  });

  it('truecolor: ▀ with the upper pixel as foreground and the lower as background, reset per line', () => {
    const lines = drawDigit(synthetic(), 'truecolor');
    expect(lines).toHaveLength(14);
    expect(lines.every((line) => stripColor(line) === '▀'.repeat(28))).toBe(true);
    expect(lines.every((line) => line.endsWith('\x1b[0m'))).toBe(true);
    expect(lines[0]!.startsWith('\x1b[38;2;128;128;128m\x1b[48;2;0;0;0m▀')).toBe(true);
    const cells = lines[2]!.split('▀');
    expect(cells[10]).toContain('\x1b[38;2;255;255;255m\x1b[48;2;255;255;255m');
    expect(cells[9]).toContain('\x1b[38;2;0;0;0m\x1b[48;2;0;0;0m');
  });

  it('256 colours: the palette greys', () => {
    const line = drawDigit(synthetic(), 'ansi256')[2]!;
    expect(line.split('▀')[10]).toBe('\x1b[38;5;231m\x1b[48;5;231m');
    expect(line.split('▀')[0]).toBe('\x1b[38;5;16m\x1b[48;5;16m');
  });
});

describe('drawWeights', () => {
  const weights = new Float64Array(784);
  weights[0] = 2; // pair (0,0)/(0,1): mean 1 of the scale
  weights[28 * 2 + 5] = -2;
  weights[28 * 3 + 5] = -2;
  weights[28 * 4 + 7] = 0.5;

  it('monochrome: positive in block shades, negative in .-=#, scaled by the largest |weight|', () => {
    const lines = drawWeights(weights, 'mono');
    expect(lines[0]![0]).toBe('▒'); // (2 + 0) / 2 / 2 = ½
    expect(lines[1]![5]).toBe('#'); // both pixels −2: full negative
    expect(lines[2]![7]).toBe('░'); // (0.5 + 0) / 2 / 2 = ⅛: the lightest
    expect(lines[3]![7]).toBe(' ');
    expect(drawWeights(weights, 'mono', 0.5)[2]![7]).toBe('▒'); // a shared scale: (1 + 0) / 2
  });

  it('colour: red for positive, blue for negative, black for zero', () => {
    const cells = drawWeights(weights, 'truecolor')[1]!.split('▀');
    expect(cells[5]).toBe('\x1b[38;2;70;140;255m\x1b[48;2;70;140;255m');
    expect(drawWeights(weights, 'truecolor')[0]!.split('▀')[0]).toBe('\x1b[38;2;255;120;60m\x1b[48;2;0;0;0m');
  });
});

describe('bars and layout', () => {
  it('bar: eighths of a cell, padded', () => {
    expect(bar(1, 4)).toBe('████');
    expect(bar(0.5, 3)).toBe('█▌ ');
    expect(bar(0, 3)).toBe('   ');
    expect(bar(Number.NaN, 2)).toBe('  ');
  });

  it('drawActivations: one bar per class, the prediction and the true label marked', () => {
    const outputs = [0.01, 0, 0, 0, 0.25, 0, 0, 0, 0, 1];
    const lines = drawActivations(outputs, { prediction: 9, label: 4, width: 8 });
    expect(lines).toHaveLength(10);
    expect(lines[9]).toBe('9 ████████ 1.000 ◀');
    expect(lines[4]).toBe('4 ██       0.250 true');
    expect(lines[1]).toBe('1          0.000');
  });

  it('sideBySide and blocksPerRow', () => {
    expect(blocksPerRow(80)).toBe(2);
    expect(blocksPerRow(10)).toBe(1);
    expect(sideBySide([['ab'], ['cd'], ['ef']], 2, 1)).toEqual(['ab cd', '', 'ef']);
  });
});

describe('drawConfusion', () => {
  const labels = [4, 4, 4, 4, 9, 9, 7, 1];
  const matrix = confusionMatrix(labels, [4, 9, 9, 4, 9, 4, 1, 1], 10);

  it('monochrome: counts under the predicted digit, mistakes shaded, recall and precision', () => {
    const lines = drawConfusion(matrix, 'mono');
    expect(lines).toHaveLength(12);
    const header = lines[0]!;
    const row4 = lines[5]!;
    expect(row4.trimStart().startsWith('4')).toBe(true);
    // The count "2" of 4 read as 9 sits under the column "9", shaded by its share of the row (½)
    // against the largest mistake's (7 read as 1: all of the 7s), which is full.
    expect(row4.slice(header.indexOf('9'), header.indexOf('9') + 2)).toBe('2▒');
    expect(lines[8]!.slice(header.indexOf('1'), header.indexOf('1') + 2)).toBe('1█');
    expect(row4.endsWith('50.0%')).toBe(true);
    expect(lines[11]!.startsWith('precision')).toBe(true);
    expect(lines[11]).toContain('66.7%');
    expect(lines.every((line) => stripColor(line) === line)).toBe(true);
  });

  it('colour: the same text, with background colours', () => {
    const lines = drawConfusion(matrix, 'truecolor');
    expect(lines.map(stripColor)).toEqual(drawConfusion(matrix, 'mono').map((l) => l.replace(/[░▒▓█]/g, ' ')));
    expect(lines[8]).toContain('\x1b[48;2;160;20;20m'); // 7 read as 1: the largest mistake
    expect(lines[5]).toContain('\x1b[48;2;80;10;10m'); // 4 read as 9: half of it
  });

  it('pairText', () => {
    expect(pairText({ label: 4, prediction: 9, count: 23 })).toBe('4 read as 9: 23');
  });
});

describe('colorModeOf', () => {
  const tty = { isTTY: true };
  const cases: [string, { isTTY?: boolean }, Record<string, string>, string][] = [
    ['a terminal', tty, {}, 'ansi256'],
    ['a truecolor terminal', tty, { COLORTERM: 'truecolor' }, 'truecolor'],
    ['NO_COLOR', tty, { NO_COLOR: '1', COLORTERM: 'truecolor' }, 'mono'],
    ['empty NO_COLOR is unset', tty, { NO_COLOR: '' }, 'ansi256'],
    ['FORCE_COLOR=0', tty, { FORCE_COLOR: '0' }, 'mono'],
    ['not a terminal', {}, {}, 'mono'],
    ['not a terminal, FORCE_COLOR=1', {}, { FORCE_COLOR: '1' }, 'ansi256'],
    ['FORCE_COLOR=3', {}, { FORCE_COLOR: '3' }, 'truecolor'],
    ['TERM=dumb', tty, { TERM: 'dumb' }, 'mono'],
  ];
  for (const [what, stream, env, mode] of cases) it(`${what}: ${mode}`, () => expect(colorModeOf(stream, env)).toBe(mode));
});
