// The largest per-epoch gap between our curve and the book's recorded one, over the epochs both have.

export interface CurveGap {
  /** 1-based position (epoch), or the x value when given. */
  at: number;
  ours: number;
  book: number;
  /** ours − book (signed). */
  gap: number;
}

/**
 * The point where |ours − book| is largest. `x` names the points (epochs 1.. by default, or e.g.
 * training-set sizes). Undefined when the curves share no point.
 */
export function largestGap(ours: readonly number[], book: readonly number[], x?: readonly number[]): CurveGap | undefined {
  const length = Math.min(ours.length, book.length);
  let largest: CurveGap | undefined;
  for (let i = 0; i < length; i++) {
    const gap = ours[i]! - book[i]!;
    if (!Number.isFinite(gap)) continue;
    if (!largest || Math.abs(gap) > Math.abs(largest.gap)) {
      largest = { at: x?.[i] ?? i + 1, ours: ours[i]!, book: book[i]!, gap };
    }
  }
  return largest;
}

/** The largest of several labelled gaps (e.g. one per run of an experiment). */
export function largestOf<T extends { gap: CurveGap }>(gaps: readonly T[]): T | undefined {
  let largest: T | undefined;
  for (const entry of gaps) {
    if (!largest || Math.abs(entry.gap.gap) > Math.abs(largest.gap.gap)) largest = entry;
  }
  return largest;
}
