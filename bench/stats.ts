/** Small helpers shared by the benchmarks: percentiles and a markdown table. */
export function percentiles(samples: number[]): string[] {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return [at(50), at(95), at(99)].map((v) => v.toFixed(2));
}

export function table(title: string, header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [`### ${title}`, "", line(header), line(header.map(() => "---")), ...rows.map(line), ""].join("\n");
}
