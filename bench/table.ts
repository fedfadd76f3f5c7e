/** The bench's output table: one line per measured row, ratios against a baseline from the same run. */
export interface Row {
  row: string; // which issue-4 item and what is measured
  form: string; // input form: serial/text dates, column/row, ...
  n: number | string;
  nsPerRow?: number;
  ratio?: number; // measured / baseline (or the quantity the target is on)
  vs?: string; // what the ratio is against
  target?: string;
  met?: boolean | null; // null: reported only
  note?: string;
}

export const rows: Row[] = [];

const fmtN = (n: number | string): string => (typeof n === "number" ? n.toLocaleString("en-US") : n);
const fmtNs = (x?: number): string =>
  x === undefined ? "" : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0);
const fmtRatio = (x?: number): string => (x === undefined ? "" : x < 100 ? x.toFixed(2) : x.toFixed(0));

export function add(r: Row): void {
  rows.push(r);
  // Print as we go, so a slow or failing row still leaves the earlier ones visible.
  console.log(line(r));
}

export function line(r: Row): string {
  const met = r.met === undefined || r.met === null ? (r.target ? "report" : "") : r.met ? "yes" : "NO";
  return [
    r.row.padEnd(44),
    r.form.padEnd(22),
    fmtN(r.n).padStart(10),
    fmtNs(r.nsPerRow).padStart(9),
    fmtRatio(r.ratio).padStart(8),
    (r.vs ?? "").padEnd(22),
    (r.target ?? "").padEnd(10),
    met.padEnd(6),
    r.note ?? "",
  ].join(" | ");
}

export function header(): string {
  return [
    "row".padEnd(44),
    "input form".padEnd(22),
    "n".padStart(10),
    "ns/row".padStart(9),
    "ratio".padStart(8),
    "ratio vs".padEnd(22),
    "target".padEnd(10),
    "met?".padEnd(6),
    "note",
  ].join(" | ");
}

export function printAll(): void {
  console.log("\n" + header());
  console.log("-".repeat(170));
  for (const r of rows) console.log(line(r));
}
