/**
 * Columns mapped by hand (when detection fails or the user overrides it), and the mapping a
 * detected long/tidy shape corresponds to, so the pane can prefill its form.
 */
import { datesOfColumn } from "../../calc/periods";
import { columnLabel } from "./detect";
import { COMMENT_HEADER, cleanHeader } from "./header";
import { isAggregate, isDerivedLabel, periodOf } from "./labels";
import { findHeader } from "./structure";
import type { LeftColumn, LongShape, Shape, TidyShape } from "./shape";
import type { ManualMapping } from "./types";

export type MappingResult = { shape: Shape; reason: string } | { shape: null; reason: string };

export function shapeFromMapping(
  table: string[][],
  within: Map<number, number>,
  mapping: ManualMapping,
): MappingResult {
  const fail = (why: string): MappingResult => ({
    shape: null,
    reason: `the column mapping does not fit the table: ${why}`,
  });
  // headerRow 0: the table has no header row; columns are then named "column 1", "column 2"…
  const header = mapping.headerRow !== undefined ? mapping.headerRow - 1 : findHeader(table, within);
  if (
    !Number.isInteger(header) ||
    header < -1 ||
    header >= table.length ||
    (header === -1 && mapping.headerRow !== 0)
  ) {
    return fail(
      `header row ${mapping.headerRow ?? "(none found)"} is not a row of the table (0 for none, or 1 to ${table.length})`,
    );
  }
  const width = table.reduce((w, r, i) => (i >= header ? Math.max(w, r.length) : w), 0);
  const cols: [string, number | undefined][] = [
    ["month", mapping.month],
    ["year", mapping.year],
    ["mine", mapping.mine],
    ["metric name", mapping.metricName],
    ["value", mapping.value],
    ...(mapping.metrics ?? []).map((c): [string, number] => ["metric", c]),
  ];
  for (const [what, c] of cols) {
    if (c !== undefined && (!Number.isInteger(c) || c < 0 || c >= width)) {
      return fail(`the ${what} column ${c} does not exist (columns are numbered 0 to ${width - 1})`);
    }
  }
  const used = cols.filter(([, c]) => c !== undefined).map(([, c]) => c as number);
  if (new Set(used).size !== used.length) return fail("the same column is mapped twice");
  const head = header >= 0 ? table[header] : [];
  const names = Array.from({ length: width }, (_, c) => (head[c] ?? "").trim());
  const label = (c: number) => `"${columnLabel(names, c)}"`;
  const body = table.slice(header + 1).filter((_, i) => !within.has(header + 1 + i));
  const dates = datesOfColumn(body.map((r) => r[mapping.month] ?? "").filter((t) => t.trim() !== ""));
  const month = {
    col: mapping.month,
    ...(mapping.year !== undefined ? { yearCol: mapping.year } : {}),
    ...(dates ? { dates } : {}),
  };
  const mine = mapping.mine ?? -1;
  const left: LeftColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (used.includes(c) || !body.some((r) => (r[c] ?? "").trim() !== "")) continue;
    const name = cleanHeader(names[c]).name;
    const what = isAggregate(periodOf(name))
      ? "total"
      : isDerivedLabel(name)
        ? "derived"
        : COMMENT_HEADER.test(name)
          ? "comment"
          : "text";
    left.push({ col: c, what, why: what === "comment" ? "a comment column" : "not mapped" });
  }
  const common = {
    layout: "manual" as const,
    header,
    headerLines: header >= 0 ? [header] : [],
    unitLine: -1,
    dataStart: header + 1,
    names,
    width,
    mine,
    left,
  };
  const monthText =
    mapping.year !== undefined
      ? `months from ${label(mapping.year)} and ${label(mapping.month)}`
      : `months in ${label(mapping.month)}`;
  if (mapping.metricName !== undefined || mapping.value !== undefined) {
    if (mapping.metricName === undefined || mapping.value === undefined)
      return fail("a tidy mapping needs both the metric name column and the value column");
    const reason = `columns mapped by hand: ${monthText}, metric names in ${label(mapping.metricName)}, values in ${label(mapping.value)}`;
    const shape: TidyShape = {
      kind: "tidy",
      ...common,
      month,
      metric: mapping.metricName,
      value: mapping.value,
      unit: -1,
      reason,
    };
    return { shape, reason };
  }
  const values = mapping.metrics ?? [];
  if (values.length === 0) return fail("no metric column chosen");
  const reason = `columns mapped by hand: ${monthText}, values in ${values.map(label).join(", ")}`;
  const shape: LongShape = { kind: "long", ...common, month, values, reason };
  return { shape, reason };
}

/** The mapping a shape amounts to (wide layouts cannot be expressed as one: null). */
export function mappingOf(shape: Shape | null): ManualMapping | null {
  if (!shape || (shape.kind !== "long" && shape.kind !== "tidy")) return null;
  const m: ManualMapping = { headerRow: shape.header + 1, month: shape.month.col };
  if (shape.month.yearCol !== undefined) m.year = shape.month.yearCol;
  if (shape.mine >= 0) m.mine = shape.mine;
  if (shape.kind === "long") m.metrics = shape.values.slice();
  else {
    m.metricName = shape.metric;
    m.value = shape.value;
  }
  return m;
}
