/**
 * A small recording stand-in for the Excel JavaScript API (the subset the import writer uses).
 *
 * Like the real API it queues commands on proxy objects and carries them out only at `context.sync()`;
 * unlike it, it records every queued call and every sync, in order, and keeps the workbook's state
 * (sheets, cells with value + number format, tables) so tests can read what Excel would now hold.
 * It models the Excel behaviours that matter to an import: a text beginning with = + - @ written to a
 * cell not formatted "@" turns into a formula, a numeric-looking text into a number; names must be unique.
 * Workbook settings (key → value, kept as JSON as Excel keeps them in the file) and table ids survive
 * `saved()` → `createExcelDouble(saved)`: a workbook closed and opened again.
 *
 * It is as strict as Excel where Excel refuses (each rule has a test in test/taskpane/writer-double.test.ts):
 * - a request (one sync) over 5 MB, or a response over 5 MB: RequestPayloadSizeLimitExceeded /
 *   ResponsePayloadSizeLimitExceeded (Excel on the web's limit, the strictest platform);
 * - a values or numberFormat array whose shape differs from the range: InvalidArgument;
 * - reading a property that was not loaded and synced: PropertyNotLoaded;
 * - a sync while the user edits a cell, unless Excel.run was given { delayForCellEdit: true }, which
 *   waits until the edit ends: InvalidOperationInCellEditMode;
 * - a call from an ExcelApi requirement set above the one the double was given: ApiNotFound.
 *   Office.context.requirements.isSetSupported answers for that version too (`requirements`);
 * - a change to a protected sheet: AccessDenied, as Excel refuses it (`protectedSheets`, `setProtected`).
 * It also stands in for the add-in's document settings (Office.context.document.settings): `documentSettings`
 * keeps what was set in memory and what saveAsync saved, and only the saved ones survive `saved()`.
 *
 * No imports on purpose: the browser tests transpile this file alone and load it in the page.
 */

export type CellValue = string | number | boolean;

export interface CellState {
  value: CellValue;
  format: string;
  /** Set when Excel would have taken the written text as a formula (CSV injection). */
  formula?: string;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>; // key "row,col", 0-based
  /** "Visible" (default), "Hidden" or "VeryHidden" (only code can show it again). */
  visibility?: string;
}

export interface TableState {
  /** Excel's id for the table: it stays the same when the table is renamed. */
  id: string;
  name: string;
  sheet: string;
  row: number; // header row, 0-based
  col: number;
  rowCount: number; // header + body
  colCount: number;
  showTotals: boolean;
}

/** A conditional format on a range (ExcelApi 1.6); the double keeps custom rules only. */
export interface ConditionalFormatState {
  id: string;
  sheet: string;
  address: string;
  type: "Custom";
  formula?: string;
  fill?: string;
}

/** A chart on a sheet: its series name the ranges they draw from (Excel keeps references, not copies). */
export interface ChartState {
  name: string;
  sheet: string;
  type: string;
  title?: string;
  series: { name: string; values?: string; xValues?: string }[];
  position?: { start: string; end?: string };
}

export interface CallRecord {
  /** e.g. "worksheets.add", "range.values", "range.numberFormat", "table.resize", "load", "sync". */
  op: string;
  /** Range address or object name the call applies to, as Excel would print it. */
  target?: string;
  args?: unknown;
  /** Number of the sync that carried this call (1-based); for "sync" records, its own number. */
  sync: number;
}

export interface DoubleOptions {
  /** The ExcelApi requirement set this Excel supports, "1.1" to NEWEST_EXCEL_API (the default). */
  excelApi?: string;
  /** The user is editing a cell from the start (setCellEditing changes it). */
  cellEditing?: boolean;
  /** Milliseconds each sync takes (lets a browser test watch progress). */
  syncDelayMs?: number;
  /**
   * Make sync number `sync` (1-based) fail after carrying out its first `afterOps` commands, with Excel's
   * error `code` (GeneralException by default).
   */
  failSync?: { sync: number; afterOps?: number; message?: string; code?: string };
  /** Sheets protected from changes: writing to them fails with AccessDenied. */
  protectedSheets?: string[];
  /** The add-in's document settings saved in the file before the test (Office.context.document.settings). */
  documentSettings?: Record<string, unknown>;
  /** Sheets present before the test: name -> rows of values starting at A1 (strings, numbers). */
  sheets?: Record<string, CellValue[][]>;
  /** Tables present before the test (their cells come from `sheets`). */
  tables?: Array<{ name: string; sheet: string; address: string; showTotals?: boolean; id?: string }>;
  /** Workbook settings present before the test: key -> value as JSON text. */
  settings?: Record<string, string>;
  /** Number formats of cells present before the test: sheet -> rows of formats starting at A1 ("" = General). */
  formats?: Record<string, string[][]>;
  /** Sheets that are not visible: name -> "Hidden" or "VeryHidden". */
  visibility?: Record<string, string>;
}

type TableRef = { name: string; state?: TableState };

type Rect = { sheet: string; row: number; col: number; rows: number; cols: number };

interface Op {
  record: Omit<CallRecord, "sync">;
  apply: () => void;
  /** The ExcelApi set the call belongs to (its minor version: 13 for 1.13). */
  since: number;
}

/** Conditional formats came with ExcelApi 1.6. */
const CF_API = 6;

/** The newest ExcelApi requirement set released (Microsoft 365 Version 2509, Excel on the web). */
export const NEWEST_EXCEL_API = "1.20";

/**
 * The lowest ExcelApi set the README claims: the first Windows builds with SharedRuntime 1.1
 * (Version 2002, build 12527.20092) predate ExcelApi 1.11 (build 12527.20470) and have 1.10.
 */
export const LOWEST_EXCEL_API = "1.10";

/** Excel keeps at most 32,767 characters in a cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** Excel on the web refuses requests and responses over 5 MB; read as 5,000,000 bytes, the stricter reading. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

/** "1.13" -> 13. Every ExcelApi set is 1.x. */
function apiMinor(version: string): number {
  const m = /^1\.(\d+)$/.exec(version.trim());
  if (!m) throw new Error(`not an ExcelApi version: "${version}"`);
  return Number(m[1]);
}

/** UTF-8 bytes of a value as JSON, without building a Buffer (the double also runs in a page). */
function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Error shaped like OfficeExtension.Error: a code and a message. */
export class DoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

// ---- addresses -------------------------------------------------------------------------------

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(r: Rect): string {
  const tl = `${columnLetters(r.col)}${r.row + 1}`;
  const br = `${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
  return `${quoteSheet(r.sheet)}!${r.rows === 1 && r.cols === 1 ? tl : `${tl}:${br}`}`;
}

function parseCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new DoubleError("InvalidArgument", `Bad cell address "${a}"`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:C3", "Sheet!A1:C3" or "'My sheet'!A1" -> rect (sheet defaults to `sheet`). */
export function parseAddress(address: string, sheet?: string): Rect {
  let s = sheet;
  let a = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    s = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    a = address.slice(bang + 1);
  }
  if (s === undefined) throw new DoubleError("InvalidArgument", `Address "${address}" names no sheet`);
  const [p, q = p] = a.split(":");
  const tl = parseCell(p);
  const br = parseCell(q);
  return { sheet: s, row: tl.row, col: tl.col, rows: br.row - tl.row + 1, cols: br.col - tl.col + 1 };
}

const overlaps = (a: Rect, b: Rect) =>
  a.sheet === b.sheet &&
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;

// ---- the double ------------------------------------------------------------------------------

export function createExcelDouble(options: DoubleOptions = {}) {
  const sheets: SheetState[] = [];
  const tables: TableState[] = [];
  const calls: CallRecord[] = [];
  /** Workbook-scoped names (workbook.names): name -> the rectangle it refers to. */
  const names = new Map<string, Rect>();
  const conditionalFormats: ConditionalFormatState[] = [];
  const charts: ChartState[] = [];
  let cfCounter = 0;
  let chartCounter = 0;
  /** Workbook settings, each value kept as JSON as Excel keeps it in the file. */
  const settings = new Map<string, string>(Object.entries(options.settings ?? {}));
  /** The add-in's document settings: as saved in the file (JSON), and as the add-in sees them now. */
  const savedDocumentSettings = new Map<string, string>(
    Object.entries(options.documentSettings ?? {}).map(([k, v]) => [k, JSON.stringify(v)]),
  );
  const liveDocumentSettings = new Map<string, unknown>([...savedDocumentSettings].map(([k, v]) => [k, JSON.parse(v)]));
  let syncs = 0;
  /** Steps Excel's own undo (Ctrl+Z) would have for the add-in's changes. */
  let undoSteps = 0;
  /** The options of every Excel.run, in order. */
  const runs: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }[] = [];
  let tableCounter = 0;
  let idCounter = 0;
  /** A table id not in use (ids of a reopened workbook are kept). */
  const newTableId = (): string => {
    let id: string;
    do id = `{${++idCounter}}`;
    while (tables.some((t) => t.id === id));
    return id;
  };
  let calculationSuspended = false;
  const supported = apiMinor(options.excelApi ?? NEWEST_EXCEL_API);
  const protectedSheets = new Set((options.protectedSheets ?? []).map((n) => n.toLowerCase()));
  /** Excel refuses any change to a protected sheet. */
  const mayChange = (sheet: string) => {
    if (protectedSheets.has(sheet.toLowerCase())) {
      throw new DoubleError("AccessDenied", "You cannot perform the requested operation.");
    }
  };
  /** A failure the test asked for on the next sync (failNextSync). */
  let nextFailure: (Omit<NonNullable<DoubleOptions["failSync"]>, "sync"> & { skip?: number }) | undefined;
  const failure = (fail: Omit<NonNullable<DoubleOptions["failSync"]>, "sync">, n: number) =>
    new DoubleError(fail.code ?? "GeneralException", fail.message ?? `Sync ${n} failed (made to fail by the test)`);
  let editing = !!options.cellEditing;
  const editWaiters: (() => void)[] = [];

  const sheetNamed = (name: string) => sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const tableNamed = (name: string) => tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const mustSheet = (name: string) => {
    const s = sheetNamed(name);
    if (!s) throw new DoubleError("ItemNotFound", `No worksheet named "${name}"`);
    return s;
  };
  const mustTable = (name: string) => {
    const t = tableNamed(name);
    if (!t) throw new DoubleError("ItemNotFound", `No table named "${name}"`);
    return t;
  };
  const tableRect = (t: TableState): Rect => ({
    sheet: t.sheet,
    row: t.row,
    col: t.col,
    rows: t.rowCount,
    cols: t.colCount,
  });

  function getCell(sheet: string, row: number, col: number): CellState | undefined {
    return mustSheet(sheet).cells.get(`${row},${col}`);
  }

  /** What Excel does with a value typed into a cell with this format. */
  function writeCell(sheet: SheetState, row: number, col: number, value: unknown) {
    const key = `${row},${col}`;
    const format = sheet.cells.get(key)?.format ?? "General";
    if (value === null || value === undefined) return; // null leaves the cell as it is, as in Excel
    let cell: CellState;
    if (typeof value === "string" && value.length > CELL_TEXT_LIMIT) {
      throw new DoubleError(
        "InvalidArgument",
        `A cell holds at most ${CELL_TEXT_LIMIT} characters (${value.length} given)`,
      );
    }
    if (typeof value === "string" && format !== "@") {
      if (/^[=+\-@]/.test(value) && value.length > 1) cell = { value: 0, format, formula: value };
      else if (value.trim() !== "" && Number.isFinite(Number(value))) cell = { value: Number(value), format };
      else cell = { value, format };
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      cell = { value, format };
    } else {
      throw new DoubleError("InvalidArgument", `Cannot write ${JSON.stringify(value)} to a cell`);
    }
    if (cell.value === "" && !cell.formula && format === "General") sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  function readRect(r: Rect): CellValue[][] {
    return Array.from({ length: r.rows }, (_, i) =>
      Array.from({ length: r.cols }, (_, j) => getCell(r.sheet, r.row + i, r.col + j)?.value ?? ""),
    );
  }

  function matrix(r: Rect, v: unknown, what: string): unknown[][] {
    if (!Array.isArray(v)) return Array.from({ length: r.rows }, () => Array(r.cols).fill(v)); // one value fills the range
    if (v.length !== r.rows || v.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
      throw new DoubleError(
        "InvalidArgument",
        `The ${what} array does not match the size of ${rectAddress(r)} (${r.rows}x${r.cols})`,
      );
    }
    return v as unknown[][];
  }

  /** What the sync being carried out has loaded: kept apart until its response is known to fit. */
  let response: { bytes: number; commits: (() => void)[] } | null = null;

  function loadable(target: object, fields: Record<string, () => unknown>) {
    const loaded = new Map<string, unknown>();
    const snapshot = (props?: string | string[] | { select?: string }) => {
      const names =
        props === undefined
          ? Object.keys(fields)
          : (typeof props === "string"
              ? props.split(",")
              : Array.isArray(props)
                ? props
                : (props.select ?? "").split(",")
            )
              .map((p) => p.trim())
              .filter(Boolean);
      return () => {
        const got = new Map<string, unknown>();
        // As in Excel, any load makes isNullObject readable, and a null object loads nothing else.
        if ("isNullObject" in fields) {
          const isNull = fields.isNullObject() as boolean;
          got.set("isNullObject", isNull);
          if (!isNull) {
            for (const n of names) {
              if (!(n in fields)) throw new DoubleError("PropertyNotLoaded", `The double has no property "${n}"`);
              got.set(n, fields[n]());
            }
          }
        } else {
          for (const n of names) {
            if (!(n in fields)) throw new DoubleError("PropertyNotLoaded", `The double has no property "${n}"`);
            got.set(n, fields[n]());
          }
        }
        for (const v of got.values()) response!.bytes += jsonBytes(v);
        response!.commits.push(() => got.forEach((v, k) => loaded.set(k, v)));
      };
    };
    const get = (name: string) => {
      if (!loaded.has(name)) {
        throw new DoubleError(
          "PropertyNotLoaded",
          `The property '${name}' is not available. Load it and call context.sync() first.`,
        );
      }
      return loaded.get(name);
    };
    return { snapshot, get, loaded, target };
  }

  /** Calls that only read or recalculate: they leave nothing for Excel's undo. */
  const READS = /^(load|sync|application\.|worksheet\.activate)/;

  function createContext(delayForCellEdit: boolean, mergeUndo: boolean, run: { changed: boolean }) {
    let queue: Op[] = [];
    /** Queues a call; `since` is the ExcelApi set it needs (its minor version). */
    const enqueue = (record: Omit<CallRecord, "sync">, apply: () => void, since = 1) => {
      queue.push({ record, apply, since });
      calls.push({ ...record, sync: syncs + 1 });
    };

    // Each proxy carries the ExcelApi set of the call that made it (getRangeByIndexes: 1.7): every
    // call made through it needs at least that set too.
    function rangeProxy(resolve: () => Rect | null, label: string, since = 1): any {
      const fields = {
        values: () => readRect(need()),
        numberFormat: () => {
          const r = need();
          return Array.from({ length: r.rows }, (_, i) =>
            Array.from({ length: r.cols }, (_, j) => getCell(r.sheet, r.row + i, r.col + j)?.format ?? "General"),
          );
        },
        formulas: () => {
          const r = need();
          return Array.from({ length: r.rows }, (_, i) =>
            Array.from({ length: r.cols }, (_, j) => {
              const cell = getCell(r.sheet, r.row + i, r.col + j);
              return cell?.formula ?? cell?.value ?? "";
            }),
          );
        },
        address: () => rectAddress(need()),
        rowIndex: () => need().row,
        columnIndex: () => need().col,
        rowCount: () => need().rows,
        columnCount: () => need().cols,
        isNullObject: () => resolve() === null,
      };
      const need = () => {
        const r = resolve();
        if (!r) throw new DoubleError("ItemNotFound", `${label} is a null object`);
        return r;
      };
      const l = loadable({}, fields);
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: label, args: props }, l.snapshot(props), since);
          return proxy;
        },
        getUsedRangeOrNullObject(valuesOnly?: boolean) {
          return rangeProxy(
            () => {
              const r = need();
              let top = Infinity,
                left = Infinity,
                bottom = -1,
                right = -1;
              for (const [key, cell] of mustSheet(r.sheet).cells) {
                const [row, col] = key.split(",").map(Number);
                if (row < r.row || row >= r.row + r.rows || col < r.col || col >= r.col + r.cols) continue;
                if (valuesOnly && cell.value === "" && !cell.formula) continue;
                top = Math.min(top, row);
                left = Math.min(left, col);
                bottom = Math.max(bottom, row);
                right = Math.max(right, col);
              }
              return bottom < 0
                ? null
                : { sheet: r.sheet, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
            },
            `${label}.usedRange`,
            Math.max(since, 4),
          );
        },
        clear(applyTo?: string) {
          enqueue(
            { op: "range.clear", target: label, args: applyTo },
            () => {
              const r = need();
              mayChange(r.sheet);
              const cells = mustSheet(r.sheet).cells;
              for (let i = 0; i < r.rows; i++)
                for (let j = 0; j < r.cols; j++) {
                  const key = `${r.row + i},${r.col + j}`;
                  if (applyTo === "Contents" && cells.has(key))
                    cells.set(key, { value: "", format: cells.get(key)!.format });
                  else cells.delete(key);
                }
            },
            since,
          );
        },
        /** The conditional formats that touch this range (ExcelApi 1.6). */
        get conditionalFormats() {
          const needs = Math.max(since, CF_API);
          let items: any[] | undefined;
          const cfs: any = {
            add(type: string) {
              if (type !== "Custom")
                throw new DoubleError("NotImplemented", `The double keeps only custom rules, not ${type}`);
              const state: ConditionalFormatState = {
                id: `{cf${++cfCounter}}`,
                sheet: "",
                address: "",
                type: "Custom",
              };
              enqueue(
                { op: "conditionalFormats.add", target: label, args: type },
                () => {
                  const r = need();
                  mayChange(r.sheet);
                  Object.assign(state, { sheet: r.sheet, address: rectAddress(r) });
                  conditionalFormats.push(state);
                },
                needs,
              );
              return cfProxy(state, needs);
            },
            load(props?: string) {
              enqueue(
                { op: "load", target: `${label} conditionalFormats`, args: props },
                () => {
                  const r = need();
                  const found = conditionalFormats
                    .filter((c) => overlaps(parseAddress(c.address), r))
                    .map((c) => cfProxy(c, needs, true));
                  response!.bytes += jsonBytes(found.length);
                  response!.commits.push(() => (items = found));
                },
                needs,
              );
              return cfs;
            },
            /** The rule with this id (ConditionalFormat.id), among those touching the range. */
            getItem(id: string) {
              const state = conditionalFormats.find((c) => c.id === id);
              if (!state) {
                const missing: ConditionalFormatState = { id, sheet: "", address: "", type: "Custom" };
                return cfProxy(missing, needs);
              }
              return cfProxy(state, needs);
            },
            get items() {
              if (!items) throw new DoubleError("PropertyNotLoaded", "conditionalFormats.items is not loaded");
              return items;
            },
          };
          return cfs;
        },
        format: {
          autofitColumns() {
            enqueue(
              { op: "range.format.autofitColumns", target: label },
              () => mayChange(need().sheet),
              Math.max(since, 2),
            );
          },
        },
        get isNullObject() {
          return l.get("isNullObject");
        },
      };
      // Writing formulas is typing: "=…" becomes a formula unless the cell is formatted "@", as with values.
      for (const name of ["values", "numberFormat", "formulas"] as const) {
        Object.defineProperty(proxy, name, {
          get: () => l.get(name),
          set: (v: unknown) => {
            enqueue(
              { op: `range.${name}`, target: label, args: v },
              () => {
                const r = need();
                mayChange(r.sheet);
                const m = matrix(r, v, name);
                const sheet = mustSheet(r.sheet);
                for (let i = 0; i < r.rows; i++)
                  for (let j = 0; j < r.cols; j++) {
                    if (name !== "numberFormat") writeCell(sheet, r.row + i, r.col + j, m[i][j]);
                    else if (m[i][j] !== null) {
                      // As in Excel, a null format leaves the cell's format as it is.
                      const key = `${r.row + i},${r.col + j}`;
                      const old = sheet.cells.get(key);
                      sheet.cells.set(key, { value: old?.value ?? "", format: String(m[i][j]), formula: old?.formula });
                    }
                  }
              },
              since,
            );
          },
        });
      }
      for (const name of ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"] as const) {
        Object.defineProperty(proxy, name, { get: () => l.get(name) });
      }
      proxy.__rect = resolve;
      proxy.__since = since;
      proxy.__label = label;
      return proxy;
    }

    /** One conditional format: its custom rule's formula and fill are set as in Excel (cf.custom.rule.formula…). */
    function cfProxy(state: ConditionalFormatState, since: number, loaded = false): any {
      const set = (op: string, apply: () => void) => enqueue({ op, target: state.id }, apply, since);
      const proxy: any = {
        load(props?: string) {
          enqueue(
            { op: "load", target: "conditionalFormat", args: props },
            () => response!.commits.push(() => (loaded = true)),
            since,
          );
          return proxy;
        },
        get id() {
          if (!loaded) throw new DoubleError("PropertyNotLoaded", "The conditional format's id is not loaded");
          return state.id;
        },
        custom: {
          rule: {
            set formula(f: string) {
              enqueue(
                { op: "conditionalFormat.custom.rule.formula", target: state.id, args: f },
                () => {
                  if (typeof f !== "string" || !f.startsWith("="))
                    throw new DoubleError("InvalidArgument", `A rule formula must start with "=": ${f}`);
                  state.formula = f;
                },
                since,
              );
            },
          },
          format: {
            fill: {
              set color(c: string) {
                enqueue(
                  { op: "conditionalFormat.custom.format.fill.color", target: state.id, args: c },
                  () => void (state.fill = c),
                  since,
                );
              },
            },
          },
        },
        delete() {
          set("conditionalFormat.delete", () => {
            const i = conditionalFormats.indexOf(state);
            if (i < 0) throw new DoubleError("ItemNotFound", `No conditional format ${state.id}`);
            mayChange(state.sheet);
            conditionalFormats.splice(i, 1);
          });
        },
      };
      return proxy;
    }

    function rangeOf(range: any): Rect {
      if (!range || typeof range.__rect !== "function") throw new DoubleError("InvalidArgument", "Expected a Range");
      const r = range.__rect();
      if (!r) throw new DoubleError("ItemNotFound", "The range is a null object");
      return r;
    }

    /** A chart proxy; `find` gives its state once the add that made it has run. */
    function chartProxy(find: () => ChartState | null, label: string, since: number): any {
      const need = () => {
        const c = find();
        if (!c) throw new DoubleError("ItemNotFound", `No chart named "${label}"`);
        return c;
      };
      const l = loadable({}, { name: () => need().name, isNullObject: () => find() === null });
      const seriesProxy = (pick: (c: ChartState) => ChartState["series"][number], seriesSince: number): any => ({
        set name(v: string) {
          enqueue({ op: "series.name", target: label, args: v }, () => void (pick(need()).name = v), seriesSince);
        },
        setValues(range: any) {
          enqueue(
            { op: "series.setValues", target: label, args: range?.__label },
            () => {
              const r = rangeOf(range);
              if (r.cols !== 1 && r.rows !== 1)
                throw new DoubleError("InvalidArgument", "Series values must be one row or column");
              pick(need()).values = rectAddress(r);
            },
            Math.max(seriesSince, 7),
          );
        },
        setXAxisValues(range: any) {
          enqueue(
            { op: "series.setXAxisValues", target: label, args: range?.__label },
            () => {
              const r = rangeOf(range);
              if (r.cols !== 1 && r.rows !== 1)
                throw new DoubleError("InvalidArgument", "Axis values must be one row or column");
              pick(need()).xValues = rectAddress(r);
            },
            Math.max(seriesSince, 7),
          );
        },
      });
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: `chart ${label}`, args: props }, l.snapshot(props), since);
          return proxy;
        },
        get isNullObject() {
          return l.get("isNullObject");
        },
        get name(): string {
          return String(l.get("name"));
        },
        set name(v: string) {
          enqueue(
            { op: "chart.name", target: label, args: v },
            () => {
              const c = need();
              if (charts.some((o) => o !== c && o.sheet === c.sheet && o.name.toLowerCase() === v.toLowerCase()))
                throw new DoubleError("InvalidArgument", `A chart named "${v}" already exists on ${c.sheet}`);
              c.name = v;
            },
            since,
          );
        },
        title: {
          set text(v: string) {
            enqueue({ op: "chart.title.text", target: label, args: v }, () => void (need().title = v), since);
          },
        },
        setPosition(start: string, end?: string) {
          enqueue(
            { op: "chart.setPosition", target: label, args: { start, end } },
            () => {
              const c = need();
              parseAddress(start, c.sheet);
              if (end) parseAddress(end, c.sheet);
              c.position = { start, end };
            },
            since,
          );
        },
        delete() {
          enqueue(
            { op: "chart.delete", target: label },
            () => {
              const c = need();
              mayChange(c.sheet);
              charts.splice(charts.indexOf(c), 1);
            },
            since,
          );
        },
        series: {
          getItemAt: (i: number) =>
            seriesProxy((c) => {
              if (!c.series[i]) throw new DoubleError("ItemNotFound", `The chart has no series ${i}`);
              return c.series[i];
            }, since),
          add(name?: string) {
            let made: ChartState["series"][number] | undefined;
            enqueue(
              { op: "series.add", target: label, args: name },
              () => {
                made = { name: name ?? `Series${need().series.length + 1}` };
                need().series.push(made);
              },
              Math.max(since, 7),
            );
            return seriesProxy(() => made!, Math.max(since, 7));
          },
        },
      };
      return proxy;
    }

    function rectRange(r: Rect, since: number) {
      return rangeProxy(() => r, rectAddress(r), since);
    }

    function tableProxy(nameRef: TableRef, nullable = false, since = nullable ? 4 : 1): any {
      // Once found (or created), a proxy follows its table even through a rename.
      const find = () => (nameRef.state ??= nullable ? tableNamed(nameRef.name) : mustTable(nameRef.name)) ?? null;
      const need = () => {
        const t = find();
        if (!t) throw new DoubleError("ItemNotFound", `No table named "${nameRef.name}"`);
        return t;
      };
      const l = loadable(
        {},
        {
          id: () => need().id,
          name: () => need().name,
          showTotals: () => need().showTotals,
          isNullObject: () => find() === null,
        },
      );
      const part = (label: string, pick: (t: TableState) => Rect | null) =>
        rangeProxy(() => pick(need()), `table ${nameRef.name} ${label}`, since);
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: `table ${nameRef.name}`, args: props }, l.snapshot(props), since);
          return proxy;
        },
        __snapshot: l.snapshot,
        get isNullObject() {
          return l.get("isNullObject");
        },
        get showTotals() {
          return l.get("showTotals");
        },
        get id() {
          return l.get("id");
        },
        get name(): string {
          return String(l.get("name"));
        },
        set name(v: string) {
          const old = nameRef.name;
          enqueue(
            { op: "table.name", target: `table ${old}`, args: v },
            () => {
              const t = need();
              mayChange(t.sheet);
              const clash = tableNamed(v);
              if (clash && clash !== t) throw new DoubleError("InvalidArgument", `A table named "${v}" already exists`);
              t.name = v;
            },
            since,
          );
          nameRef.name = v;
        },
        /** The sheet holding the table (ExcelApi 1.2): its name can be loaded. */
        get worksheet() {
          const w = loadable({}, { name: () => need().sheet });
          const ws: any = {
            load(props?: string | string[]) {
              enqueue(
                { op: "load", target: `table ${nameRef.name} worksheet`, args: props },
                w.snapshot(props),
                Math.max(since, 2),
              );
              return ws;
            },
            get name() {
              return w.get("name");
            },
          };
          return ws;
        },
        getRange: () => part("range", tableRect),
        getHeaderRowRange: () => part("header", (t) => ({ ...tableRect(t), rows: 1 })),
        getDataBodyRange: () =>
          part("body", (t) => {
            const body = t.rowCount - 1 - (t.showTotals ? 1 : 0);
            return body <= 0 ? null : { ...tableRect(t), row: t.row + 1, rows: body };
          }),
        resize(newRange: any) {
          const label = typeof newRange === "string" ? newRange : "range";
          const needs = Math.max(since, 13, typeof newRange === "string" ? 1 : newRange.__since);
          enqueue(
            { op: "table.resize", target: `table ${nameRef.name}`, args: label },
            () => {
              const t = need();
              const r: Rect = typeof newRange === "string" ? parseAddress(newRange, t.sheet) : newRange.__rect();
              mayChange(t.sheet);
              if (r.sheet !== t.sheet || r.row !== t.row || !overlaps(r, tableRect(t))) {
                throw new DoubleError(
                  "InvalidArgument",
                  `Cannot resize ${t.name} to ${rectAddress(r)}: headers must stay in row ${t.row + 1}`,
                );
              }
              for (const o of tables)
                if (o !== t && overlaps(tableRect(o), r))
                  throw new DoubleError("InvalidOperation", `${rectAddress(r)} overlaps table ${o.name}`);
              Object.assign(t, { col: r.col, rowCount: r.rows, colCount: r.cols });
            },
            needs,
          );
        },
      };
      return proxy;
    }

    function addTable(sheet: string | null, range: any, hasHeaders: boolean, since: number) {
      const ref: TableRef = { name: `Table${++tableCounter}` };
      const label = typeof range === "string" ? range : "range";
      // A Range object as the address needs ExcelApi 1.3; a string works from 1.1.
      const needs = Math.max(since, typeof range === "string" ? 1 : Math.max(3, range.__since));
      while (tableNamed(ref.name)) ref.name = `Table${++tableCounter}`;
      enqueue(
        { op: "tables.add", target: label, args: { hasHeaders } },
        () => {
          const r: Rect = typeof range === "string" ? parseAddress(range, sheet ?? undefined) : range.__rect();
          mustSheet(r.sheet);
          mayChange(r.sheet);
          if (!hasHeaders) throw new DoubleError("NotImplemented", "The double only makes tables with headers");
          for (const o of tables)
            if (overlaps(tableRect(o), r))
              throw new DoubleError("InvalidOperation", `${rectAddress(r)} overlaps table ${o.name}`);
          // Excel gives a header-only table one empty body row.
          ref.state = {
            id: newTableId(),
            name: ref.name,
            sheet: r.sheet,
            row: r.row,
            col: r.col,
            rowCount: Math.max(2, r.rows),
            colCount: r.cols,
            showTotals: false,
          };
          tables.push(ref.state);
        },
        needs,
      );
      return tableProxy(ref, false, needs);
    }

    function sheetProxy(nameRef: { name: string }, nullable = false, since = nullable ? 4 : 1): any {
      const find = () => (nullable ? (sheetNamed(nameRef.name) ?? null) : mustSheet(nameRef.name));
      const l = loadable(
        {},
        {
          name: () => find()?.name,
          visibility: () => find()?.visibility ?? "Visible",
          isNullObject: () => find() === null,
        },
      );
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: `worksheet ${nameRef.name}`, args: props }, l.snapshot(props), since);
          return proxy;
        },
        __snapshot: l.snapshot,
        get name() {
          return l.get("name");
        },
        get isNullObject() {
          return l.get("isNullObject");
        },
        get visibility() {
          return String(l.get("visibility"));
        },
        set visibility(v: string) {
          enqueue({ op: "worksheet.visibility", target: nameRef.name, args: v }, () => {
            const sheet = mustSheet(nameRef.name);
            if (v !== "Visible" && !sheets.some((o) => o !== sheet && (o.visibility ?? "Visible") === "Visible")) {
              throw new DoubleError("InvalidOperation", "A workbook must keep at least one visible sheet");
            }
            sheet.visibility = v;
          });
        },
        getRange: (address: string) =>
          rangeProxy(() => parseAddress(address, nameRef.name), `${quoteSheet(nameRef.name)}!${address}`, since),
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
          rectRange({ sheet: nameRef.name, row, col, rows, cols }, Math.max(since, 7)),
        delete() {
          enqueue(
            { op: "worksheet.delete", target: nameRef.name },
            () => {
              const sheet = mustSheet(nameRef.name);
              for (let i = tables.length - 1; i >= 0; i--) if (tables[i].sheet === sheet.name) tables.splice(i, 1);
              sheets.splice(sheets.indexOf(sheet), 1);
            },
            since,
          );
        },
        activate() {
          enqueue({ op: "worksheet.activate", target: nameRef.name }, () => void find(), since);
        },
        getUsedRangeOrNullObject: (valuesOnly?: boolean) =>
          rangeProxy(
            () => ({ sheet: mustSheet(nameRef.name).name, row: 0, col: 0, rows: 1_048_576, cols: 16_384 }),
            nameRef.name,
            since,
          ).getUsedRangeOrNullObject(valuesOnly),
        charts: {
          /** charts.add(type, sourceData, seriesBy): one series per column (or row) of the source, named Series1…. */
          add(type: string, source: any, seriesBy = "Auto") {
            let made: ChartState | null = null;
            const name = `Chart ${++chartCounter}`;
            enqueue(
              { op: "charts.add", target: nameRef.name, args: { type, source: source?.__label, seriesBy } },
              () => {
                mustSheet(nameRef.name);
                mayChange(nameRef.name);
                const r = rangeOf(source);
                const byRows = seriesBy === "Rows";
                const n = byRows ? r.rows : r.cols;
                made = {
                  name,
                  sheet: nameRef.name,
                  type,
                  series: Array.from({ length: n }, (_, i) => ({
                    name: `Series${i + 1}`,
                    values: rectAddress(byRows ? { ...r, row: r.row + i, rows: 1 } : { ...r, col: r.col + i, cols: 1 }),
                  })),
                };
                charts.push(made);
              },
              since,
            );
            return chartProxy(() => made, name, since);
          },
          getItem: (name: string) =>
            chartProxy(
              () => charts.find((c) => c.sheet === nameRef.name && c.name.toLowerCase() === name.toLowerCase()) ?? null,
              name,
              since,
            ),
          getItemOrNullObject: (name: string) =>
            chartProxy(
              () => charts.find((c) => c.sheet === nameRef.name && c.name.toLowerCase() === name.toLowerCase()) ?? null,
              name,
              Math.max(since, 4),
            ),
        },
        tables: {
          add: (range: any, hasHeaders: boolean) =>
            addTable(
              nameRef.name,
              typeof range === "string" && !range.includes("!") ? `${quoteSheet(nameRef.name)}!${range}` : range,
              hasHeaders,
              since,
            ),
        },
      };
      return proxy;
    }

    /** A collection whose items can be loaded, with the properties named as "items/name". */
    function collection<T>(kind: string, list: () => T[], proxyOf: (item: T) => any) {
      let items: any[] | undefined;
      const c: any = {
        load(props?: string) {
          const names = (props ?? "")
            .split(",")
            .map((p) => p.trim().replace(/^items\//, ""))
            .filter(Boolean);
          enqueue({ op: "load", target: kind, args: props }, () => {
            const found = list().map(proxyOf);
            for (const item of found) item.__snapshot(names)();
            response!.commits.push(() => (items = found));
          });
          return c;
        },
        get items() {
          if (!items) throw new DoubleError("PropertyNotLoaded", `${kind}.items is not loaded`);
          return items;
        },
      };
      return c;
    }

    const worksheets = collection(
      "worksheets",
      () => sheets,
      (s) => sheetProxy({ name: s.name }),
    );
    Object.assign(worksheets, {
      add(name: string) {
        enqueue({ op: "worksheets.add", target: name }, () => {
          if (sheetNamed(name)) throw new DoubleError("ItemAlreadyExists", `A sheet named "${name}" already exists`);
          sheets.push({ name, cells: new Map() });
        });
        return sheetProxy({ name });
      },
      getItem: (name: string) => sheetProxy({ name }),
      getItemOrNullObject: (name: string) => sheetProxy({ name }, true),
    });

    const tablesCollection = collection(
      "tables",
      () => tables,
      (t) => tableProxy({ name: t.name, state: t }),
    );
    Object.assign(tablesCollection, {
      add: (address: string, hasHeaders: boolean) => addTable(null, address, hasHeaders, 1),
      getItem: (name: string) => tableProxy({ name }),
      getItemOrNullObject: (name: string) => tableProxy({ name }, true),
    });

    /** workbook.settings (ExcelApi 1.4): add sets or replaces; an item loads its key and value. */
    const SETTINGS_API = 4;
    function settingProxy(key: string, nullable: boolean): any {
      const l = loadable(
        {},
        {
          key: () => key,
          value: () => {
            const json = settings.get(key);
            if (json === undefined) throw new DoubleError("ItemNotFound", `No setting "${key}"`);
            return JSON.parse(json);
          },
          ...(nullable ? { isNullObject: () => !settings.has(key) } : {}),
        },
      );
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: `setting ${key}`, args: props }, l.snapshot(props), SETTINGS_API);
          return proxy;
        },
        get isNullObject() {
          return l.get("isNullObject");
        },
        get key() {
          return key;
        },
        get value() {
          return l.get("value");
        },
        delete() {
          enqueue({ op: "setting.delete", target: key }, () => void settings.delete(key), SETTINGS_API);
        },
      };
      return proxy;
    }
    const settingsCollection = {
      add(key: string, value: unknown) {
        if (typeof key !== "string" || key === "") throw new DoubleError("InvalidArgument", "A setting needs a key");
        const json = JSON.stringify(value);
        enqueue({ op: "settings.add", target: key, args: value }, () => void settings.set(key, json), SETTINGS_API);
        return settingProxy(key, false);
      },
      getItem: (key: string) => settingProxy(key, false),
      getItemOrNullObject: (key: string) => settingProxy(key, true),
    };

    /** workbook.names (add and getItemOrNullObject: ExcelApi 1.4). */
    const NAMES_API = 4;
    const VALID_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
    const looksLikeCell = (n: string) => /^[A-Za-z]{1,3}\d+$/.test(n) || /^[Rr]\d*[Cc]\d*$/.test(n);
    function nameProxy(name: string): any {
      const find = () => [...names.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
      const l = loadable({}, { name: () => find(), isNullObject: () => find() === undefined });
      const proxy: any = {
        load(props?: string | string[]) {
          enqueue({ op: "load", target: `name ${name}`, args: props }, l.snapshot(props), NAMES_API);
          return proxy;
        },
        get isNullObject() {
          return l.get("isNullObject");
        },
        getRange: () =>
          rangeProxy(
            () => {
              const k = find();
              if (k === undefined) throw new DoubleError("ItemNotFound", `No name "${name}"`);
              return names.get(k)!;
            },
            `name ${name}`,
            NAMES_API,
          ),
        delete() {
          enqueue(
            { op: "names.delete", target: name },
            () => {
              const k = find();
              if (k === undefined) throw new DoubleError("ItemNotFound", `No name "${name}"`);
              names.delete(k);
            },
            NAMES_API,
          );
        },
      };
      return proxy;
    }
    const namesCollection = {
      add(name: string, reference: any) {
        enqueue(
          { op: "names.add", target: name, args: reference?.__label ?? reference },
          () => {
            if (!VALID_NAME.test(name) || looksLikeCell(name) || name.length > 255)
              throw new DoubleError("InvalidArgument", `"${name}" is not a valid name`);
            if ([...names.keys()].some((k) => k.toLowerCase() === name.toLowerCase()))
              throw new DoubleError("ItemAlreadyExists", `The name "${name}" already exists`);
            const r =
              typeof reference === "string"
                ? parseAddress(reference.replace(/^=/, "").replace(/\$/g, ""))
                : rangeOf(reference);
            mustSheet(r.sheet);
            names.set(name, r);
          },
          NAMES_API,
        );
        return nameProxy(name);
      },
      getItemOrNullObject: (name: string) => nameProxy(name),
    };

    const app = loadable({}, { calculationMode: () => "Automatic" });
    const application = {
      load(props?: string | string[]) {
        enqueue({ op: "load", target: "application", args: props }, app.snapshot(props));
        return application;
      },
      get calculationMode() {
        return app.get("calculationMode");
      },
      suspendApiCalculationUntilNextSync() {
        enqueue(
          { op: "application.suspendApiCalculationUntilNextSync" },
          () => {
            calculationSuspended = true;
          },
          6,
        );
      },
      calculate(type: string) {
        enqueue({ op: "application.calculate", args: type }, () => undefined);
      },
    };

    const context = {
      workbook: {
        worksheets,
        tables: tablesCollection,
        application,
        settings: settingsCollection,
        names: namesCollection,
      },
      application,
      async sync() {
        const n = ++syncs;
        const ops = queue;
        queue = [];
        calls.push({ op: "sync", sync: n, args: ops.length });
        if (editing) {
          if (!delayForCellEdit) {
            throw new DoubleError(
              "InvalidOperationInCellEditMode",
              "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
            );
          }
          await new Promise<void>((resume) => editWaiters.push(resume));
        }
        if (options.syncDelayMs) await new Promise((r) => setTimeout(r, options.syncDelayMs));
        let bytes = 0;
        for (const op of ops) bytes += jsonBytes({ op: op.record.op, target: op.record.target, args: op.record.args });
        if (bytes > PAYLOAD_LIMIT_BYTES) {
          throw new DoubleError(
            "RequestPayloadSizeLimitExceeded",
            `The request payload size (${bytes} bytes) has exceeded the limit of 5 MB`,
          );
        }
        let fail = options.failSync && options.failSync.sync === n ? options.failSync : nextFailure;
        // a sync that carries no command cannot fail: failNextSync waits for one that does, after `skip` of them
        if (ops.length > 0 && fail === nextFailure && nextFailure?.skip) {
          nextFailure = { ...nextFailure, skip: nextFailure.skip - 1 };
          fail = undefined;
        } else if (ops.length > 0) nextFailure = undefined;
        response = { bytes: 0, commits: [] };
        try {
          ops.forEach((op, i) => {
            if (fail && i >= (fail.afterOps ?? 0)) {
              throw failure(fail, n);
            }
            if (op.since > supported) {
              throw new DoubleError(
                "ApiNotFound",
                `${op.record.op} needs ExcelApi 1.${op.since}; this Excel supports ExcelApi 1.${supported}`,
              );
            }
            op.apply();
          });
          if (fail) throw failure(fail, n);
          // Excel's undo: one step per sync that changed the workbook, or one per Excel.run with mergeUndoGroup.
          if (ops.some((op) => !READS.test(op.record.op))) {
            if (!mergeUndo) undoSteps++;
            else if (!run.changed) undoSteps++;
            run.changed = true;
          }
          if (response.bytes > PAYLOAD_LIMIT_BYTES) {
            throw new DoubleError(
              "ResponsePayloadSizeLimitExceeded",
              `The response payload size (${response.bytes} bytes) has exceeded the limit of 5 MB`,
            );
          }
          for (const commit of response.commits) commit();
        } finally {
          response = null;
          calculationSuspended = false; // suspension lasts until the next sync only
        }
      },
      get pendingCount() {
        return queue.length;
      },
    };
    return context;
  }

  /** Excel.run(batch) or Excel.run({ delayForCellEdit }, batch). */
  async function run<T>(
    optionsOrBatch: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean } | ((context: any) => Promise<T>),
    maybeBatch?: (context: any) => Promise<T>,
  ): Promise<T> {
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch!;
    const runOptions = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    runs.push({ ...runOptions });
    // RunOptions.mergeUndoGroup is ExcelApi 1.20; an older Excel does not know the option and ignores it.
    const merge = !!runOptions?.mergeUndoGroup && supported >= 20;
    const context = createContext(!!runOptions?.delayForCellEdit, merge, { changed: false });
    const result = await batch(context);
    if (context.pendingCount > 0) await context.sync(); // Excel.run flushes what the batch left queued
    return result;
  }

  // Seed the workbook.
  for (const [name, rows] of Object.entries(options.sheets ?? {})) {
    const s: SheetState = { name, cells: new Map() };
    const formats = options.formats?.[name] ?? [];
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const format = formats[i]?.[j] || "General";
        if (v !== "" || format !== "General") s.cells.set(`${i},${j}`, { value: v, format });
      }),
    );
    if (options.visibility?.[name]) s.visibility = options.visibility[name];
    sheets.push(s);
  }
  for (const t of options.tables ?? []) {
    const r = parseAddress(t.address, t.sheet);
    tables.push({
      id: t.id ?? newTableId(),
      name: t.name,
      sheet: r.sheet,
      row: r.row,
      col: r.col,
      rowCount: r.rows,
      colCount: r.cols,
      showTotals: !!t.showTotals,
    });
  }

  /** Office.context.requirements as this Excel would answer: ExcelApi up to its version; other sets yes. */
  const requirements = {
    isSetSupported(name: string, minVersion?: string): boolean {
      return name !== "ExcelApi" || apiMinor(minVersion ?? "1.1") <= supported;
    },
  };

  return {
    /** Put this where the code under test expects the global `Excel`. */
    Excel: {
      run,
      CalculationType: { recalculate: "Recalculate", full: "Full" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ClearApplyTo: { contents: "Contents", all: "All", formats: "Formats" },
      ConditionalFormatType: { custom: "Custom" },
      ChartType: { line: "Line", lineMarkers: "LineMarkers" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    },
    /** Put this where the code under test reads `Office.context.requirements`. */
    requirements,
    /** The ExcelApi version this double supports. */
    excelApi: `1.${supported}`,
    /** The user starts or stops editing a cell; stopping lets delayed syncs go on. */
    setCellEditing(on: boolean): void {
      editing = on;
      if (!on) for (const resume of editWaiters.splice(0)) resume();
    },
    get cellEditing() {
      return editing;
    },
    calls,
    sheets,
    tables,
    /** Workbook names: name -> the address it refers to. */
    names(): Record<string, string> {
      return Object.fromEntries([...names].map(([k, r]) => [k, rectAddress(r)]));
    },
    conditionalFormats,
    charts,
    /** The options each Excel.run was given. */
    runs,
    /** Steps Excel's own undo would hold for the add-in's changes (ExcelApi 1.20 merges a run into one). */
    get undoSteps() {
      return undoSteps;
    },
    /** Names of the sheets the user sees in the sheet tabs (not Hidden or VeryHidden). */
    visibleSheets(): string[] {
      return sheets.filter((s) => (s.visibility ?? "Visible") === "Visible").map((s) => s.name);
    },
    get syncCount() {
      return syncs;
    },
    get calculationSuspended() {
      return calculationSuspended;
    },
    /** Cell state at "A1"-style address on a sheet. */
    cell(sheet: string, address: string): CellState | undefined {
      const { row, col } = parseCell(address);
      return getCell(sheet, row, col);
    },
    /** Values of a table, header first, as the workbook now holds them. */
    tableValues(name: string): CellValue[][] {
      return readRect(tableRect(mustTable(name)));
    },
    /** Number formats of a table's cells, header first. */
    tableFormats(name: string): string[][] {
      const r = tableRect(mustTable(name));
      return Array.from({ length: r.rows }, (_, i) =>
        Array.from({ length: r.cols }, (_, j) => getCell(r.sheet, r.row + i, r.col + j)?.format ?? "General"),
      );
    },
    /** Every formula Excel would have created from written text (should stay empty). */
    formulas(): string[] {
      return sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula).map((c) => c.formula!));
    },
    /** Workbook settings as stored: key -> value (JSON text). */
    settings,
    /**
     * Office.context.document.settings as office.js gives it to the add-in: get (null when absent), set and
     * remove change only what the add-in sees; saveAsync keeps that in the file.
     */
    documentSettings: {
      get: (name: string): unknown => (liveDocumentSettings.has(name) ? liveDocumentSettings.get(name) : null),
      set(name: string, value: unknown): void {
        liveDocumentSettings.set(name, JSON.parse(JSON.stringify(value)));
      },
      remove(name: string): void {
        liveDocumentSettings.delete(name);
      },
      saveAsync(...args: unknown[]): void {
        savedDocumentSettings.clear();
        for (const [k, v] of liveDocumentSettings) savedDocumentSettings.set(k, JSON.stringify(v));
        const callback = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
        setTimeout(() => callback?.({ status: "succeeded" }), 0);
      },
    },
    /** The document settings saved in the file: key -> value (JSON text). */
    savedDocumentSettings,
    /**
     * Make the next sync that carries commands (after `skip` such syncs) fail after its first `afterOps` commands
     * (as failSync, but chosen mid-test).
     */
    failNextSync(fail: Omit<NonNullable<DoubleOptions["failSync"]>, "sync"> & { skip?: number } = {}): void {
      nextFailure = fail;
    },
    /** The user protects or unprotects a sheet. */
    setProtected(sheet: string, on: boolean): void {
      if (on) protectedSheets.add(sheet.toLowerCase());
      else protectedSheets.delete(sheet.toLowerCase());
    },
    /**
     * The workbook as a file keeps it — cell values and number formats, sheets' visibility, tables, settings, saved document settings, protection — as options for a new double:
     * `createExcelDouble(JSON.parse(JSON.stringify(d.saved())))` is the workbook closed and opened again.
     */
    saved(): DoubleOptions {
      const sheetRows: Record<string, CellValue[][]> = {};
      const formats: Record<string, string[][]> = {};
      const visibility: Record<string, string> = {};
      for (const s of sheets) {
        let rows = 0;
        let cols = 0;
        for (const key of s.cells.keys()) {
          const [row, col] = key.split(",").map(Number);
          rows = Math.max(rows, row + 1);
          cols = Math.max(cols, col + 1);
        }
        sheetRows[s.name] = readRect({ sheet: s.name, row: 0, col: 0, rows, cols });
        formats[s.name] = Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => {
            const f = s.cells.get(`${i},${j}`)?.format ?? "General";
            return f === "General" ? "" : f;
          }),
        );
        if (s.visibility && s.visibility !== "Visible") visibility[s.name] = s.visibility;
      }
      return {
        sheets: sheetRows,
        tables: tables.map((t) => ({
          id: t.id,
          name: t.name,
          sheet: t.sheet,
          address: rectAddress(tableRect(t)),
          showTotals: t.showTotals,
        })),
        settings: Object.fromEntries(settings),
        documentSettings: Object.fromEntries([...savedDocumentSettings].map(([k, v]) => [k, JSON.parse(v)])),
        protectedSheets: [...protectedSheets],
        formats,
        visibility,
      };
    },
    /** Calls carried by one sync, in order. */
    callsInSync(n: number): CallRecord[] {
      return calls.filter((c) => c.sync === n && c.op !== "sync");
    },
  };
}

export type ExcelDouble = ReturnType<typeof createExcelDouble>;
