/** One benchmark run's figures: each a value, its floor measured in the same run, and their ratio. */
export type Figure = {
  section: string;
  label: string;
  value: number;
  unit: string;
  floorLabel?: string;
  floor?: number;
  /** value ÷ floor, or the goal's own measure where a smaller value is better (sizes against budgets). */
  ratio?: number;
  /** The issue's goal for this figure, in words ("≥ 0.5× floor"), and whether this run meets it. */
  goal?: string;
  met?: boolean;
};

/** The middle value (the upper one of an even count); sorts `values` in place. */
export const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const fixed = (n: number | undefined, digits = 2) => (n === undefined ? "" : n.toFixed(digits));

export function printFigures(figures: Figure[]): void {
  let section = "";
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      console.log(`\n${section}`);
    }
    const value = `${fixed(f.value, f.value < 100 ? 2 : 0)} ${f.unit}`.padStart(16);
    const against = f.floorLabel ? `  vs ${f.floorLabel} ${fixed(f.floor, (f.floor ?? 0) < 100 ? 2 : 0)}`.padEnd(44) : "".padEnd(44);
    const ratio = f.ratio === undefined ? "" : `×${fixed(f.ratio)}`.padStart(7);
    const goal = f.goal ? `  goal ${f.goal}: ${f.met ? "met" : "NOT met"}` : "";
    console.log(`  ${f.label.padEnd(40)}${value}${against}${ratio}${goal}`);
  }
}

/** The README's table (between its bench markers), from the JSON a run wrote. */
export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.section} | ${f.label} | ${fixed(f.value, f.value < 100 ? 2 : 0)} ${f.unit} | ${f.floorLabel ?? ""} | ${f.ratio === undefined ? "" : `×${fixed(f.ratio)}`} | ${f.goal ? `${f.goal} ${f.met ? "✓" : "✗"}` : ""} |`);
  return ["| Part | Figure | Value | Floor (same run) | Ratio | Goal |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}
