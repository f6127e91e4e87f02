// Summary statistics for timing samples. Quantiles interpolate linearly between the closest
// ranks (the common "type 7" definition), so the p90 of 20 samples sits between the 18th and 19th.

export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  mean: number;
}

export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    median: quantile(samples, 0.5),
    p90: quantile(samples, 0.9),
    min: n ? Math.min(...samples) : Number.NaN,
    max: n ? Math.max(...samples) : Number.NaN,
    mean: n ? samples.reduce((sum, value) => sum + value, 0) / n : Number.NaN,
  };
}

/** Rounds for JSON output: timings to 0.1 ms are as precise as a wall clock around goto gets. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

export function roundSummary(summary: Summary): Summary {
  return {
    n: summary.n,
    median: round1(summary.median),
    p90: round1(summary.p90),
    min: round1(summary.min),
    max: round1(summary.max),
    mean: round1(summary.mean),
  };
}
