// Types for asciichart 1.5 (the package ships none). Only what netdash uses.
declare module 'asciichart' {
  export interface PlotConfig {
    min?: number;
    max?: number;
    /** Rows above the lowest; the plot has height + 1 lines when the range is not zero. */
    height?: number;
    /** Cells before the first point; the axis is drawn in cell offset - 1. */
    offset?: number;
    padding?: string;
    /** ANSI colour prefixes, one per series. */
    colors?: string[];
    symbols?: string[];
    format?: (value: number, index: number) => string;
  }
  interface AsciiChart {
    plot(series: number[] | number[][], config?: PlotConfig): string;
    black: string;
    red: string;
    green: string;
    yellow: string;
    blue: string;
    magenta: string;
    cyan: string;
    lightgray: string;
    default: string;
    darkgray: string;
    lightred: string;
    lightgreen: string;
    lightyellow: string;
    lightblue: string;
    lightmagenta: string;
    lightcyan: string;
    white: string;
    reset: string;
  }
  const asciichart: AsciiChart;
  export default asciichart;
}
