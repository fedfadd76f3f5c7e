/** The "map the columns by hand" form: filled from the analysis, read back into a ManualMapping. */
import type { ImportAnalysis, ManualMapping } from "../import/types";
import { byId, el, option } from "./dom";

/** Shows the form when no layout fits or the user chose a manual mapping, prefilled with `chosen` or the detected columns. */
export function renderMapping(a: ImportAnalysis, manual: boolean, chosen: ManualMapping | null): void {
  const show = a.detected === null || manual;
  byId("import-mapping").hidden = !show;
  if (!show) return;
  const m: ManualMapping = chosen ?? a.mapping ?? { month: 0, metrics: [] };
  const headerRow = m.headerRow ?? a.headerRow;
  const header = headerRow > 0 ? (a.table[headerRow - 1] ?? []) : []; // 0: the table has no header row
  const width = a.table.reduce((w, r) => Math.max(w, r.length), 0);
  const label = (c: number) => `${c + 1}: ${header[c]?.trim() || `column ${c + 1}`}`;
  const columnOptions = (selected: number | undefined, none?: string) => [
    ...(none ? [option("", none, selected === undefined)] : []),
    ...Array.from({ length: width }, (_, c) => option(String(c), label(c), selected === c)),
  ];
  const tidy = m.metricName !== undefined || m.value !== undefined;
  byId("map-month").replaceChildren(...columnOptions(m.month));
  byId("map-year").replaceChildren(...columnOptions(m.year, "(dates hold the year)"));
  byId("map-mine").replaceChildren(...columnOptions(m.mine, "(no mine column)"));
  byId<HTMLSelectElement>("map-form").value = tidy ? "tidy" : "long";
  showForm(tidy);
  byId("map-metric-name").replaceChildren(...columnOptions(m.metricName, "(choose)"));
  byId("map-value").replaceChildren(...columnOptions(m.value, "(choose)"));
  byId("map-metrics").replaceChildren(
    ...Array.from({ length: width }, (_, c) => {
      const box = el("input");
      box.type = "checkbox";
      box.value = String(c);
      box.checked = (m.metrics ?? []).includes(c);
      box.id = `map-metric-${c}`;
      return el("label", { className: "check" }, [box, ` ${label(c)}`]);
    }),
  );
}

/** Long form (a column per metric) or tidy form (metric-name + value columns). */
export function showForm(tidy: boolean): void {
  byId("map-long").hidden = tidy;
  byId("map-tidy").hidden = !tidy;
}

export function readMapping(headerRow: number | undefined): ManualMapping {
  const num = (id: string) => {
    const v = byId<HTMLSelectElement>(id).value;
    return v === "" ? undefined : Number(v);
  };
  const m: ManualMapping = { month: num("map-month") ?? 0 };
  if (headerRow !== undefined) m.headerRow = headerRow;
  const year = num("map-year");
  const mine = num("map-mine");
  if (year !== undefined) m.year = year;
  if (mine !== undefined) m.mine = mine;
  if (byId<HTMLSelectElement>("map-form").value === "tidy") {
    m.metricName = num("map-metric-name");
    m.value = num("map-value");
  } else {
    m.metrics = [...byId("map-metrics").querySelectorAll<HTMLInputElement>("input:checked")].map((b) =>
      Number(b.value),
    );
  }
  return m;
}
