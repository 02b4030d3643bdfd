import { cpus, totalmem } from "node:os";

/** One line of the benchmark table. */
export interface BenchRow {
  benchmark: string;
  metric: string;
  unit: string;
  ours: number;
  baseline: number | null;
  baselineName: string;
  /** ours ÷ baseline: a latency target reads "<= 1.15x", a throughput target ">= 0.9x". */
  ratio: number | null;
  target: string;
  /** Whether the target is met; null when the row has no target. */
  met: boolean | null;
}

export interface BenchReport {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  startedAt: string;
  options: Record<string, unknown>;
  rows: BenchRow[];
}

export function machineFacts(): BenchReport["machine"] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** A row whose ratio is ours ÷ baseline, checked against `target` (e.g. "<= 1.15x"). */
export function row(
  benchmark: string,
  metric: string,
  unit: string,
  ours: number,
  baseline: number | null,
  baselineName: string,
  target: { max?: number; min?: number; exact?: number; text?: string } = {},
): BenchRow {
  const ratio = baseline === null || baseline === 0 ? null : ours / baseline;
  let met: boolean | null = null;
  let text = target.text ?? "";
  if (target.max !== undefined && ratio !== null) {
    met = ratio <= target.max;
    text ||= `<= ${target.max}x`;
  } else if (target.min !== undefined && ratio !== null) {
    met = ratio >= target.min;
    text ||= `>= ${target.min}x`;
  } else if (target.exact !== undefined) {
    met = ours === target.exact;
    text ||= `= ${target.exact}`;
  }
  return { benchmark, metric, unit, ours, baseline, baselineName, ratio, target: text, met };
}

/** An absolute check (no baseline ratio), e.g. "0 failed calls" or "< 50 MB". */
export function check(
  benchmark: string,
  metric: string,
  unit: string,
  ours: number,
  target: { max?: number; min?: number; text: string },
  baseline: number | null = null,
  baselineName = "",
): BenchRow {
  let met = true;
  if (target.max !== undefined) met &&= ours <= target.max;
  if (target.min !== undefined) met &&= ours >= target.min;
  const ratio = baseline === null || baseline === 0 ? null : ours / baseline;
  return { benchmark, metric, unit, ours, baseline, baselineName, ratio, target: target.text, met };
}

function format(value: number | null, unit = ""): string {
  if (value === null || Number.isNaN(value)) return "-";
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

/** The human table: what was measured, ours, the baseline, their ratio, the target. */
export function renderTable(report: BenchReport): string {
  const header = ["benchmark", "metric", "ours", "baseline", "ratio", "target", "met"];
  const lines = report.rows.map((r) => [
    r.benchmark,
    r.metric,
    format(r.ours, r.unit),
    r.baseline === null ? "-" : `${format(r.baseline, r.unit)} (${r.baselineName})`,
    r.ratio === null ? "-" : `${r.ratio.toFixed(2)}x`,
    r.target || "-",
    r.met === null ? "" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const m = report.machine;
  return [
    `pingone-connector benchmarks, ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`,
    "",
    render(header),
    render(widths.map((w) => "-".repeat(w))),
    ...lines.map(render),
  ].join("\n");
}
