/**
 * The update's difference, shown before anything is written: the summary (months added, cells
 * changed and restated, unchanged, kept), each change old → new, and the questions an update may need
 * answered first — which columns hold the month, mine and metrics of a table PROD did not create, the
 * table column a file metric updates, and a confirmation of different mines, units or metrics.
 */
import type { ColumnKind } from "../import/types";
import { describeChange, summariseUpdate, type UpdateDiff } from "../import/update";
import { byId, el, option } from "./dom";
import type { Pane } from "./paneState";

/** Changes listed; more are counted (all of them are in the import log after the write). */
const CHANGES_SHOWN = 200;

const KIND_LABELS: [ColumnKind, string][] = [
  ["month", "Month"],
  ["mine", "Mine"],
  ["number", "Metric"],
  ["estimate", "Estimate flags"],
  ["text", "Other (left alone)"],
];

export function hideUpdate(): void {
  byId("import-update").hidden = true;
}

export function renderUpdate(pane: Pane, diff: UpdateDiff, table: string, header: string[]): void {
  const choices = pane.state.updateChoices;
  byId("import-update").hidden = false;
  byId("import-update-summary").textContent = summariseUpdate(diff, table);

  const kindsBox = byId("import-update-kinds");
  kindsBox.hidden = !diff.needsKinds;
  if (diff.needsKinds) {
    byId("import-update-kind-fields").replaceChildren(
      ...header.map((h, j) => {
        const select = el("select", { className: "kind" });
        select.id = `import-update-kind-${j}`;
        select.append(...KIND_LABELS.map(([k, label]) => option(k, label, diff.kinds[j] === k)));
        const label = el("label", { text: `${h} ` });
        label.htmlFor = select.id;
        return el("div", { className: "field inline" }, [label, select]);
      }),
    );
  }

  const mapBox = byId("import-update-map");
  const toMap = [...new Set([...diff.unmapped, ...Object.keys(choices.metricMap ?? {})])];
  mapBox.hidden = toMap.length === 0 || diff.needsKinds;
  byId("import-update-map-fields").replaceChildren(
    ...toMap.map((name, i) => {
      const select = el("select", { className: "map" });
      select.id = `import-update-map-${i}`;
      select.dataset.metric = name;
      const chosen = choices.metricMap?.[name];
      select.append(
        option("", "Choose…", chosen === undefined),
        option("\u0000", "Leave it out", chosen === null),
        ...header.filter((_, j) => diff.kinds[j] === "number").map((h) => option(h, `Column "${h}"`, chosen === h)),
      );
      select.addEventListener("change", () => {
        const map = { ...(choices.metricMap ?? {}) };
        if (select.value === "") delete map[name];
        else map[name] = select.value === "\u0000" ? null : select.value;
        choices.metricMap = map;
        void pane.renderTarget();
      });
      const label = el("label", { text: `"${name}" updates ` });
      label.htmlFor = select.id;
      return el("div", { className: "field inline" }, [label, select]);
    }),
  );

  const diffBox = byId("import-update-differences");
  diffBox.hidden = diff.differences.length === 0 || diff.needsKinds;
  byId("import-update-difference-list").replaceChildren(
    ...diff.differences.map((d) => el("li", { className: "warning", text: d })),
  );
  byId<HTMLInputElement>("import-update-confirm").checked = !!choices.confirmed;

  const items = diff.changes
    .slice(0, CHANGES_SHOWN)
    .map((c) => el("li", { className: c.restated ? "restated" : "changed", text: describeChange(c) }));
  if (diff.changes.length > CHANGES_SHOWN) {
    items.push(el("li", { text: `… and ${diff.changes.length - CHANGES_SHOWN} more (all are logged when written).` }));
  }
  byId("import-update-changes").replaceChildren(...items);
}

export function initUpdate(pane: Pane): void {
  byId("import-update-kinds-ok").addEventListener("click", () => {
    const selects = [...byId("import-update-kind-fields").querySelectorAll("select")];
    pane.state.updateChoices.kinds = selects.map((s) => s.value as ColumnKind);
    void pane.renderTarget();
  });
  byId<HTMLInputElement>("import-update-confirm").addEventListener("change", (e) => {
    pane.state.updateChoices.confirmed = (e.target as HTMLInputElement).checked;
    void pane.renderTarget();
  });
}
