/**
 * The words and characters of dates and figures as releases print them, in one place: spaces and
 * dashes, month names, period words (quarters, halves, fiscal years, totals), footnote marks, and
 * the words around a figure (scales, units, currencies, "no figure"). Every reader in calc and in
 * the import builds its tables and patterns from these, so a form is learnt once; a new language
 * is new entries here (its month names in MONTH_WORDS, its scale words in SCALE_WORDS…).
 * Tables are Maps and Sets, not objects: a word typed in a cell must never reach Object.prototype
 * ("constructor 2017", "5 constructor").
 */

// ---- spaces and dashes ------------------------------------------------------------------------

/** A space on a line (Unicode's space separators: the no-break, figure, thin, narrow no-break…), not a tab or a line break. */
export const SPACE = "\\p{Zs}";
const SPACE_CHAR = new RegExp(SPACE, "gu");
const WHITE_SPACE_RUN = /\s+/g;

/**
 * Each space on a line to a plain " ", one for one. For figures: two spaces, a tab or a line break
 * never group digits ("100\n200" is two figures, not 100,200).
 */
export const plainSpaces = (text: string): string => text.replace(SPACE_CHAR, " ");

/** Every run of white space (line breaks too) to one " ", trimmed. For words, where a wrapped line is a space. */
export const collapseSpaces = (text: string): string => text.replace(WHITE_SPACE_RUN, " ").trim();

/** Hyphens, dashes and the minus sign ("88–92", "Q1‑2017", "−5") that are not "-". */
const TYPESET_DASH = /[\u2010-\u2015\u2212]/g;

/** Every hyphen, dash and minus sign to "-". */
export const plainDashes = (text: string): string => text.replace(TYPESET_DASH, "-");

/** Characters that make a figure negative when they lead it: the hyphen-minus and the typographic minus. */
export const isMinusSign = (c: string): boolean => c === "-" || c === "\u2212";

// ---- months -----------------------------------------------------------------------------------

/** How PROD writes a month in every message and in the table: "Feb" (index = month - 1). */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** Every word that names a month, lower case, by month (index = month - 1). "Sept" is how releases abbreviate September. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ["jan", "january"],
  ["feb", "february"],
  ["mar", "march"],
  ["apr", "april"],
  ["may"],
  ["jun", "june"],
  ["jul", "july"],
  ["aug", "august"],
  ["sep", "sept", "september"],
  ["oct", "october"],
  ["nov", "november"],
  ["dec", "december"],
];

const MONTHS = new Map<string, number>(MONTH_WORDS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)));

/** The month (1-12) a lower-case word names ("feb", "september"), or undefined. */
export const monthOfWord = (word: string): number | undefined => MONTHS.get(word);

// ---- footnote marks ---------------------------------------------------------------------------

/** Marks that send the reader to a footnote: superscript digits, *, †, ‡ ("Ore processed¹", "2,204*"). */
export const FOOTNOTE_MARKS = "[\\u00b9\\u00b2\\u00b3\\u2070-\\u2079*\\u2020\\u2021]";
/** A footnote number in brackets: "(1)", "[2]". */
export const FOOTNOTE_NUMBER = "[([]\\d{1,2}[)\\]]";
const MARKS = new RegExp(`${FOOTNOTE_MARKS}+`, "g");

/** The text without footnote marks (superscripts, *, †, ‡); bracketed numbers are left to the caller. */
export const withoutFootnoteMarks = (text: string): string => text.replace(MARKS, "");

/**
 * A month name standing alone ("Jan", "September", "Sept.", " dec ", "Jan¹") as 1-12, else null.
 * Periods need a year; wide layouts print the month without one and take the year from elsewhere.
 */
export function parseMonthName(text: string): number | null {
  const t = withoutFootnoteMarks(String(text ?? ""))
    .trim()
    .toLowerCase();
  return MONTHS.get(t.endsWith(".") ? t.slice(0, -1) : t) ?? null;
}

// ---- period words -----------------------------------------------------------------------------

/** Words that may stand before a year's digits: "FY2016", "CY 2016", "Fiscal 2016", "Year 2016". */
export const YEAR_WORDS: readonly string[] = ["fy", "cy", "fiscal", "year"];
/** The word of a fiscal year, before two or four digits or a span: "FY24", "FY 2023-24". */
export const FISCAL_YEAR_WORD = "fy";
/** The letter of a quarter, before or after its number: "Q1 2017", "1Q17". */
export const QUARTER_LETTER = "q";
/** The letter of a half year, before or after its number: "H1", "2H". */
export const HALF_LETTER = "h";
/** Labels of a total over periods, not of one month: "Total", "YTD", "Full year". */
export const TOTAL_WORDS: readonly string[] = [
  "total",
  "totals",
  "grand total",
  "subtotal",
  "sub-total",
  "ytd",
  "year to date",
  "qtd",
  "quarter to date",
  "sum",
  "average",
  "avg",
  "full year",
  "annual",
];
/** Words that make a row of sites a total across them: "Overall CIL", "All producers", "Consolidated". */
export const ALL_SITES_WORDS: readonly string[] = ["overall", "all", "consolidated", "group", "combined"];
/** Words of a running figure counted from the start of a (fiscal) year: "FY to date", "cumulative". */
export const TO_DATE_WORDS: readonly string[] = [
  "to date",
  "fytd",
  "ytd",
  "qtd",
  "cumulative",
  "progressive",
  "year to date",
  "quarter to date",
];

/**
 * Words that mark a figure, a month or a row as an estimate or a provisional figure, lower case, as
 * releases print them in brackets or after the figure: "(est)", "(P)", "provisional", "6,736e".
 */
export const ESTIMATE_WORDS: readonly string[] = [
  "est",
  "est.",
  "estd",
  "estimate",
  "estimated",
  "e",
  "p",
  "prov",
  "prov.",
  "provisional",
  "prelim",
  "prelim.",
  "preliminary",
];
/** Words after a count of months that make a period total: "9 mnth 2014", "6 months". */
export const MONTH_COUNT_WORDS: readonly string[] = ["m", "mnth", "mth", "mths", "month", "months"];

/** Words as one regular-expression alternative, longest first so "totals" wins over "total". */
export function alternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

// ---- the words around a figure ----------------------------------------------------------------

/** Texts that stand for "no figure" in a table (compared in lower case, spaces trimmed). */
export const NO_FIGURE_WORDS: ReadonlySet<string> = new Set([
  "",
  "-",
  "--",
  "\u2014",
  "\u2013",
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "n/m",
  "nm",
  "nil",
  "not available",
  "n.av.",
]);

/**
 * Scale words after a figure, as powers of ten, in any case ("4.1 million", "42.0 KOZ"). Where case
 * carries meaning the word is in CASED_SCALE_WORDS instead: "M" is million but "m" may be metres,
 * "Mt" is megatonnes but "mt" metric tonnes.
 */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["k", 3],
  ["koz", 3],
  ["kt", 3],
  ["thousand", 3],
  ["thousands", 3],
  ["lakh", 5],
  ["lakhs", 5],
  ["moz", 6],
  ["mn", 6],
  ["mln", 6],
  ["million", 6],
  ["millions", 6],
  ["bn", 9],
  ["billion", 9],
  ["billions", 9],
]);
export const CASED_SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["%", -2],
  ["M", 6],
  ["Mt", 6],
  ["Mlb", 6],
  ["Mlbs", 6],
]);
/** Scale words that are units of their own ("42.0 koz", "5 Mt"), lower case: kept as printed where units are kept. */
export const SCALED_UNITS: ReadonlySet<string> = new Set(["koz", "moz", "kt", "mt", "mlb", "mlbs"]);
/** Lower-case "m" as million, for texts that write it so ("4.1 m"): see NumberSettings.mIsMillion. */
export const LOWER_M = "m";

/** Units a figure may carry in a cell ("6,736 oz", "2.5 lakh tonnes"), lower case. */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  "oz",
  "ozs",
  "ounce",
  "ounces",
  "t",
  "tonne",
  "tonnes",
  "ton",
  "tons",
  "wmt",
  "dmt",
  "lb",
  "lbs",
  "pounds",
  "g/t",
  "tpd",
  "kg",
  "kgs",
  "kilogram",
  "kilograms",
  "g",
  "gram",
  "grams",
]);

/** A currency before a figure ("US$200", "$220 million", "€5"), matched in any case. */
export const CURRENCY = "(?:(?:us|c|a|au|ca|nz)?\\$|€|£)";
