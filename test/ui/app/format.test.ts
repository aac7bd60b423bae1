import { describe, expect, it } from 'vitest';
import {
  MISSING,
  count,
  duration,
  fixed,
  metricsText,
  percent,
  plain,
  plural,
  points,
  seconds,
  short,
  signed,
} from '../../../src/ui/app/format.js';

const NOT_FINITE = [undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('shared number formats', () => {
  it('shows one glyph, an en dash, for every missing or non-finite value', () => {
    expect(MISSING).toBe('–');
    for (const format of [percent, points, signed, fixed, short, plain, count, seconds, duration]) {
      for (const value of NOT_FINITE) expect(format(value), `${format.name}(${value})`).toBe(MISSING);
    }
  });

  it('percent: a fraction with two decimals, or as many as asked', () => {
    expect(percent(0.9549)).toBe('95.49%');
    expect(percent(0.9549, 1)).toBe('95.5%');
    expect(percent(0.9, 0)).toBe('90%');
    expect(percent(0)).toBe('0.00%');
  });

  it('points and signed: a sign on both sides, the typographic minus', () => {
    expect(points(0.0013)).toBe('+0.13 pp');
    expect(points(-0.012)).toBe('−1.20 pp');
    expect(points(0)).toBe('+0.00 pp');
    expect(signed(0.0125)).toBe('+0.013');
    expect(signed(-1.2, 1)).toBe('−1.2');
    expect(fixed(0.35214)).toBe('0.352');
    expect(fixed(12.5, 0)).toBe('13');
  });

  it('short: four significant digits, an exponent only for tiny and huge values', () => {
    expect(short(0.41234)).toBe('0.4123');
    expect(short(1.5)).toBe('1.5');
    expect(short(12.345)).toBe('12.35');
    expect(short(1234)).toBe('1234');
    expect(short(0)).toBe('0');
    expect(short(0.00012345)).toBe('1.23e-4');
    expect(short(123456)).toBe('1.23e+5');
    expect(short(-0.5)).toBe('-0.5');
  });

  it('plain numbers as people type them', () => {
    expect(plain(0.025)).toBe('0.025');
    expect(plain(0.1 + 0.2)).toBe('0.3');
    expect(plain(1e-5)).toBe('0.00001');
    expect(plain(5)).toBe('5');
  });

  it('counts, seconds and durations', () => {
    expect(count(50000)).toBe('50,000');
    expect(count(1234.6)).toBe('1,235');
    expect(seconds(0.0412)).toBe('0.04s');
    expect(seconds(12.34)).toBe('12.3s');
    expect(duration(45.4)).toBe('45s');
    expect(duration(59.6)).toBe('1m00s');
    expect(duration(185)).toBe('3m05s');
    expect(duration(3720)).toBe('1h02m');
    expect(duration(-1)).toBe(MISSING);
  });

  it('plural and the metrics line', () => {
    expect(plural(1, 'epoch')).toBe('1 epoch');
    expect(plural(0, 'epoch')).toBe('0 epochs');
    expect(metricsText({ trainingCost: 0.05, validationAccuracy: 0.93123, validationCost: 0.41234 }, 'val')).toBe(
      'train cost 0.05  val acc 93.12%  val cost 0.4123',
    );
    expect(metricsText({}, 'test')).toBe('');
  });
});
