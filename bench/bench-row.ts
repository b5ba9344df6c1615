/** One line of the bench table: a measure of ours against its baseline, and the target it must meet. */
export interface BenchRow {
  part: string;
  measure: string;
  ours: number;
  baseline: number | null;
  unit: string;
  /** ours / baseline, when there is a baseline. */
  ratio: number | null;
  /** The target in words, e.g. "≤ 1.5x", and the check it stands for. */
  target: string;
  met: boolean | null;
}

export function row(
  part: string,
  measure: string,
  ours: number,
  unit: string,
  baseline: number | null,
  target: { text: string; met: (ratio: number | null, ours: number) => boolean } | null,
): BenchRow {
  const ratio = baseline ? ours / baseline : null;
  return {
    part,
    measure,
    ours,
    baseline,
    unit,
    ratio,
    target: target?.text ?? '',
    met: target ? target.met(ratio, ours) : null,
  };
}

/** A ratio target: ours at most `limit` times the baseline. */
export function atMost(limit: number) {
  return { text: `≤ ${limit}x`, met: (ratio: number | null) => ratio !== null && ratio <= limit };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '';
  if (unit === 'B')
    return value >= 1024 * 1024
      ? `${(value / 1024 / 1024).toFixed(2)} MB`
      : `${(value / 1024).toFixed(1)} KB`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  if (unit === 'req/s') return `${Math.round(value)} req/s`;
  if (unit === 'check') return value === 1 ? 'ok' : 'FAILED';
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  return `${value} ${unit}`.trim();
}

/** The one table `npm run bench` prints. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['part', 'measure', 'ours', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.part,
    r.measure,
    formatValue(r.ours, r.unit),
    formatValue(r.baseline, r.unit),
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}x`,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}
