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
export function plainSpaces(text: string): string {
  // Below U+00A0 the only space separator is " " itself: most texts need no replacing.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xa0) return text.replace(SPACE_CHAR, " ");
  return text;
}

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

/** A month's full name, capitalised ("February"), for messages that spell it out (month 1-12). */
export function fullMonthName(month: number): string {
  const words = MONTH_WORDS[month - 1];
  const w = words[words.length - 1];
  return w[0].toUpperCase() + w.slice(1);
}

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
  ["crore", 7],
  ["crores", 7],
  ["moz", 6],
  ["mn", 6],
  ["mln", 6],
  ["million", 6],
  ["millions", 6],
  ["mlb", 6],
  ["mlbs", 6],
  ["bn", 9],
  ["billion", 9],
  ["billions", 9],
]);
export const CASED_SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ["%", -2],
  ["M", 6],
  ["Mt", 6],
]);
/** The dimension of "MT", which releases use for metric and for million tonnes. */
export const AMBIGUOUS_TONNES = "MT";

/** Lower-case "m" as million, for texts that write it so ("4.1 m"): see NumberSettings.mIsMillion. */
export const LOWER_M = "m";

/**
 * Unit words (lower case) and what they measure: the dimension two figures must share to be compared
 * ("koz" is ounces, its thousands given by SCALE_WORDS; "GEO", gold-equivalent ounces, is ounces of
 * another metal). "mt" is "MT": metric tonnes in one release, million tonnes in another, until the
 * text says which.
 */
export const UNIT_DIMENSIONS: ReadonlyMap<string, string> = new Map([
  ["oz", "oz"],
  ["ozs", "oz"],
  ["ounce", "oz"],
  ["ounces", "oz"],
  ["koz", "oz"],
  ["moz", "oz"],
  ["geo", "oz"],
  ["geos", "oz"],
  ["t", "t"],
  ["tonne", "t"],
  ["tonnes", "t"],
  ["ton", "t"],
  ["tons", "t"],
  ["wmt", "t"],
  ["dmt", "t"],
  ["kt", "t"],
  ["mt", AMBIGUOUS_TONNES],
  ["lb", "lb"],
  ["lbs", "lb"],
  ["pound", "lb"],
  ["pounds", "lb"],
  ["mlb", "lb"],
  ["mlbs", "lb"],
  ["g/t", "g/t"],
  ["tpd", "tpd"],
  ["kg", "kg"],
  ["g", "g"],
  ["grams", "g"],
  ["gram", "g"],
  ["kgs", "kg"],
  ["kilogram", "kg"],
  ["kilograms", "kg"],
]);

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

/** A currency before a figure ("US$200", "$220 million", "$A950", "R$ 5", "€5"), matched in any case. */
export const CURRENCY = "(?:(?:us|c|a|au|ca|nz|cdn|r)\\$|\\$a(?= ?\\d)|\\$|€|£|₹)";

/** The currency a printed sign names: a bare "$" is the US dollar, the currency metals and costs are reported in. */
export function currencyOf(sign: string): string {
  const t = sign.replace(/ /g, "").toLowerCase();
  if (t === "$a" || t === "a$" || t === "au$") return "A$";
  if (t === "c$" || t === "ca$" || t === "cdn$") return "C$";
  if (t === "₹") return "₹";
  if (t === "nz$") return "NZ$";
  if (t === "r$") return "R$";
  if (t === "€") return "€";
  if (t === "£") return "£";
  return "US$";
}

// ---- guidance in six languages ----------------------------------------------------------------
//
// Words are written as printed and matched in lower case (except where `CASED_UNITS` says), word by
// word: "d'onces" is the words "d", "'", "onces". Every language's words are read in every text;
// the language with the most words in a text decides only its decimal mark (see `decimalMark`).

export type Language = "en" | "es" | "pt" | "fr" | "it" | "de";
/** A one-sided or approximate figure: "about", "at least", "up to". */
export type Bound = "approx" | "min" | "max";
/** A unit a guidance is counted in: troy ounces, metric tonnes, pounds, kilograms. */
export type MassUnit = "oz" | "t" | "lb" | "kg";

/** What a word or phrase after a figure says. */
export interface UnitSense {
  unit?: MassUnit;
  /** A power of ten it carries ("kilo ounces": 3, "BT": 9). */
  power?: number;
  /** "MT"/"mt": metric tonnes in most releases, million tonnes in Indian ones. */
  millionOrMetric?: true;
  /** "equivalent", "eq.", "AuEq": equivalent ounces of the metal named (gold when the word names it). */
  equivalent?: true;
  /** The metal or commodity named ("gold", "oro", "Au"): kept to tell two ends of different metals apart. */
  metal?: string;
  /** A currency written after the figure ("USD", "dólares"). */
  currency?: string;
}

interface LanguageWords {
  /**
   * The decimal mark of the language, for a figure that reads both ways before a scale word ("1.650
   * million" in English is 1.65 million; "1.350 mil" in Portuguese is 1,350 thousand). null where
   * both marks are in use: Spain, Chile and Argentina print a decimal comma, Mexico and Peru a point.
   */
  decimalMark: "." | "," | null;
  approx: string[];
  min: string[];
  max: string[];
  /** Before a range, read with any word between its ends ("between 245,000 to 265,000"). */
  between: string[];
  /** "in the range of 500,000 ounces": a range introduction that makes one figure approximate. */
  rangeOf: string[];
  /** Before a range that needs a "to" word ("from … to …", "de … a …"). */
  from: string[];
  /** Between the two ends of a range. */
  to: string[];
  and: string[];
  /** Articles that may stand before a figure after the range words ("entre las 48.000 y …", "tra i 6 e i 6,5"). */
  articles: string[];
  /** After the figure: "environ", "or more". */
  after: [string, Bound][];
  /** Scale words, as powers of ten, read after a figure in guidance. */
  scales: [string, number][];
  units: [string, UnitSense][];
  /** Words that describe the figure without changing it: "of", "troy", "per year", "target". */
  filler: string[];
  /** "per", "por": with a unit after a currency it makes a cost per unit. */
  per: string[];
  /** Words for a year after "per" ("per year", "por año"). */
  year: string[];
  /** Numbers as words before a scale word ("one billion", "medio millón"). */
  numbers: [string, string][];
  /** Words of a stated change that say up or down ("aumento de 9%", "Rückgang um 4 %"). */
  up: string[];
  down: string[];
  /** Words after a figure that make it an increment over something, not a level ("50 million tonnes more"). */
  more: string[];
  /** "percent", "por ciento". */
  percent: string[];
}

/** A list of words written "a|b|c", in as many strings as fit a line. */
const words = (...lists: string[]): string[] => lists.flatMap((l) => l.split("|"));
const oz = (more: UnitSense = {}): UnitSense => ({ unit: "oz", ...more });
const tonnes: UnitSense = { unit: "t" };
const pounds: UnitSense = { unit: "lb" };
const kilograms: UnitSense = { unit: "kg" };
const gold: UnitSense = { metal: "gold" };
const silver: UnitSense = { metal: "silver" };
const equivalent: UnitSense = { equivalent: true };
const dollars: UnitSense = { currency: "US$" };
const commodity = (name: string): UnitSense => ({ metal: name });

export const LANGUAGE_WORDS: Readonly<Record<Language, LanguageWords>> = {
  en: {
    decimalMark: ".",
    approx: words("about|approximately|approx|approx.|around|roughly|some|circa|c.|ca.|close to"),
    min: words(
      "at least|more than|greater than|over|above|exceed|exceeds|exceeding|to exceed",
      "in excess of|just over|just above|no less than|not less than|a minimum of|minimum of",
      "at a minimum|a minimum|minimum|upwards of|north of",
    ),
    max: words(
      "up to|at most|less than|under|below|just under|just below|no more than|not more than",
      "a maximum of|maximum of|a maximum|maximum|nearly|almost",
    ),
    between: words("between"),
    rangeOf: words(
      "in the range of|within the range of|in a range of|a range of|in the order of",
      "of the order of|on the order of|in the region of",
    ),
    from: words("from"),
    to: words("to|- to -|through"),
    and: words("and|&"),
    articles: words("the"),
    after: [
      ["or more", "min"],
      ["or above", "min"],
      ["and above", "min"],
      ["or better", "min"],
      ["plus", "min"],
      ["or less", "max"],
      ["or below", "max"],
    ],
    scales: [
      ["thousand", 3],
      ["thousands", 3],
      ["lakh", 5],
      ["lakhs", 5],
      ["lac", 5],
      ["lacs", 5],
      ["million", 6],
      ["millions", 6],
      ["crore", 7],
      ["crores", 7],
      ["billion", 9],
      ["billions", 9],
    ],
    units: [
      ["ounce", oz()],
      ["ounces", oz()],
      ["troy ounces", oz()],
      ["kilo ounces", oz({ power: 3 })],
      ["kilo - ounces", oz({ power: 3 })],
      ["tonne", tonnes],
      ["tonnes", tonnes],
      // Mining releases outside the US coal industry write "tons" for metric tonnes.
      ["ton", tonnes],
      ["tons", tonnes],
      ["metric tonnes", tonnes],
      ["metric tons", tonnes],
      ["kilotonnes", { unit: "t", power: 3 }],
      ["kilotons", { unit: "t", power: 3 }],
      ["kilo tonnes", { unit: "t", power: 3 }],
      ["megatonnes", { unit: "t", power: 6 }],
      ["pound", pounds],
      ["pounds", pounds],
      ["kilograms", kilograms],
      ["kilogrammes", kilograms],
      ["equivalent", equivalent],
      ["equivalents", equivalent],
      ["eq", equivalent],
      ["eq.", equivalent],
      ["gold", gold],
      ["silver", silver],
      ["copper", commodity("copper")],
      ["iron ore", commodity("iron ore")],
      ["coal", commodity("coal")],
      ["zinc", commodity("zinc")],
      ["lead", commodity("lead")],
      ["nickel", commodity("nickel")],
      ["dollars", dollars],
      ["us dollars", dollars],
    ],
    filler: words(
      "of|troy|metric|payable|attributable|mined|produced|production|output|sales|sold",
      "shipments|contained|recovered|refined|target|guidance|forecast|outlook|range|goal|a year",
      "per annum|pa|p.a.|annually|annual|yearly|each year",
    ),
    per: words("per"),
    year: words("year|annum|yr"),
    numbers: [
      ["one", "1"],
      ["a", "1"],
      ["half a", "0.5"],
    ],
    up: words(
      "up|increase|increases|increased|increasing|rise|rises|risen|rising|rose|higher|gain",
      "gains|gained|grew|grow|grows|growing|grown|growth|above|improve|improves|improved",
      "improvement",
    ),
    down: words(
      "down|decrease|decreases|decreased|decreasing|decline|declines|declined|declining|fall",
      "falls|fallen|falling|fell|lower|drop|drops|dropped|reduced|reduction|below|lost|loss",
    ),
    more: words("more|additional|extra|incremental"),
    percent: words("percent|per cent|pct"),
  },
  es: {
    decimalMark: null,
    approx: words("aproximadamente|aprox.|alrededor de|cerca de|unas|unos|en torno a|del orden de"),
    min: words(
      "más de|mas de|al menos|por lo menos|como mínimo|un mínimo de|superior a|sobrepasar",
      "sobrepasar la cifra de|superar|superar la cifra de|por encima de|poco más de",
      "un poco más de",
    ),
    max: words("hasta|como máximo|un máximo de|menos de|un poco menos de|casi|por debajo de"),
    between: words("entre|un rango entre|en un rango entre"),
    rangeOf: words("un rango de|en un rango de|en el rango de"),
    from: words("de|desde"),
    to: words("a|al|hasta"),
    and: words("y"),
    articles: words("las|los"),
    after: [
      ["o más", "min"],
      ["o menos", "max"],
      ["aproximadamente", "approx"],
    ],
    scales: [
      ["mil", 3],
      ["millones", 6],
      ["millón", 6],
      ["millon", 6],
      ["mil millones", 9],
    ],
    units: [
      ["onza", oz()],
      ["onzas", oz()],
      ["tonelada", tonnes],
      ["toneladas", tonnes],
      ["tm", tonnes],
      ["libra", pounds],
      ["libras", pounds],
      ["kilogramos", kilograms],
      ["equivalente", equivalent],
      ["equivalentes", equivalent],
      ["oro", gold],
      ["plata", silver],
      ["cobre", commodity("copper")],
      ["hierro", commodity("iron ore")],
      ["carbón", commodity("coal")],
      ["plomo", commodity("lead")],
      ["dólares", dollars],
      ["dólar", dollars],
    ],
    filler: words(
      "de|del|métricas|métrica|finas|finos|anuales|anual|al año|cada año|anualmente|meta",
      "objetivo|producción",
    ),
    per: words("por"),
    year: words("año"),
    numbers: [
      ["un", "1"],
      ["una", "1"],
      ["medio", "0.5"],
    ],
    up: words("aumento|aumentó|alza|subida|subió|crecimiento|creció|incremento|incrementó"),
    down: words("caída|cayó|baja|bajó|descenso|descendió|disminución|disminuyó|reducción|retroceso"),
    more: words("más|adicionales|adicional"),
    percent: words("por ciento"),
  },
  pt: {
    decimalMark: ",",
    approx: words(
      "aproximadamente|cerca de|em torno de|por volta de|próxima de|próximo de|próximas de",
      "próximos de|perto de|da ordem de",
    ),
    min: words("mais de|pelo menos|ao menos|no mínimo|acima de|superior a|superar"),
    max: words("até|no máximo|menos de|quase|abaixo de"),
    between: words("entre|na faixa entre"),
    rangeOf: words("na faixa de|numa faixa de|em uma faixa de"),
    from: words("de|desde"),
    to: words("a|até"),
    and: words("e"),
    articles: words("as|os"),
    after: [["ou mais", "min"]],
    scales: [
      ["mil", 3],
      ["milhões", 6],
      ["milhão", 6],
      // the Brazilian press's abbreviation of milhões ("320 mi de toneladas")
      ["mi", 6],
      ["bilhões", 9],
      ["bilhão", 9],
      ["mil milhões", 9],
    ],
    units: [
      ["onça", oz()],
      ["onças", oz()],
      ["tonelada", tonnes],
      ["toneladas", tonnes],
      ["libra", pounds],
      ["libras", pounds],
      ["quilos", kilograms],
      ["quilogramas", kilograms],
      ["equivalente", equivalent],
      ["equivalentes", equivalent],
      ["ouro", gold],
      ["prata", silver],
      ["cobre", commodity("copper")],
      ["minério de ferro", commodity("iron ore")],
      ["carvão", commodity("coal")],
      ["dólares", dollars],
    ],
    filler: words("de|do|da|dos|das|métricas|anuais|ao ano|anualmente|meta|produção"),
    per: words("por"),
    year: words("ano"),
    numbers: [
      ["um", "1"],
      ["uma", "1"],
      ["meio", "0.5"],
    ],
    up: words("aumento|aumentou|alta|subiu|crescimento|cresceu|elevação"),
    down: words("queda|caiu|diminuição|diminuiu|redução|recuo|recuou|baixa"),
    more: words("a mais|adicionais|adicional"),
    percent: words("por cento"),
  },
  fr: {
    decimalMark: ",",
    approx: words("environ|approximativement|près de|autour de|de l'ordre de|quelque|quelques"),
    min: words("plus de|plus d'|au moins|au minimum|un minimum de|dépasser|supérieur à|supérieure à", "au-delà de"),
    max: words("jusqu'à|au plus|au maximum|un maximum de|moins de|presque"),
    between: words("entre|d'entre"),
    rangeOf: words("dans une fourchette de|dans la fourchette de|une fourchette de"),
    from: words("de"),
    to: words("à"),
    and: words("et"),
    articles: words("les"),
    after: [
      ["environ", "approx"],
      ["ou plus", "min"],
    ],
    scales: [
      ["milliers", 3],
      ["million", 6],
      ["millions", 6],
      ["milliard", 9],
      ["milliards", 9],
    ],
    units: [
      ["once", oz()],
      ["onces", oz()],
      ["tonne", tonnes],
      ["tonnes", tonnes],
      ["livre", pounds],
      ["livres", pounds],
      ["kilogrammes", kilograms],
      ["équivalent", equivalent],
      ["équivalents", equivalent],
      ["équivalente", equivalent],
      ["or", gold],
      ["argent", silver],
      ["cuivre", commodity("copper")],
      ["minerai de fer", commodity("iron ore")],
      ["charbon", commodity("coal")],
      ["dollars", dollars],
    ],
    filler: words("de|d'|du|des|troy|métriques|par an|annuellement|par année|objectif"),
    per: words("par"),
    year: words("an|année"),
    numbers: [
      ["un", "1"],
      ["une", "1"],
      ["demi", "0.5"],
    ],
    up: words("hausse|augmentation|progression|croissance|augmenté"),
    down: words("baisse|diminution|recul|repli|chute|diminué"),
    more: words("de plus|supplémentaires|supplémentaire"),
    percent: words("pour cent"),
  },
  it: {
    decimalMark: ",",
    approx: words("circa|intorno a|intorno alle|intorno ai|attorno a|attorno alle|dell'ordine di"),
    min: words("più di|oltre|almeno|superiore a|non meno di|oltre le|oltre i"),
    max: words("fino a|al massimo|meno di|quasi|non più di|fino alle"),
    between: words("tra|fra|nell'intervallo tra|compreso tra|compresa tra"),
    rangeOf: words("nell'intervallo di|in un intervallo di|nell'ordine di"),
    from: words("da|di"),
    to: words("a|alle|ai"),
    and: words("e"),
    articles: words("i|le|gli"),
    after: [["o più", "min"]],
    scales: [
      ["mila", 3],
      ["milioni", 6],
      ["milione", 6],
      ["miliardi", 9],
      ["miliardo", 9],
    ],
    units: [
      ["oncia", oz()],
      ["once", oz()],
      ["tonnellata", tonnes],
      ["tonnellate", tonnes],
      ["libbra", pounds],
      ["libbre", pounds],
      ["chilogrammi", kilograms],
      ["equivalente", equivalent],
      ["equivalenti", equivalent],
      ["oro", gold],
      ["argento", silver],
      ["rame", commodity("copper")],
      ["minerale di ferro", commodity("iron ore")],
      ["carbone", commodity("coal")],
      ["dollari", dollars],
    ],
    filler: words("di|d'|del|della|dei|delle|metriche|metrica|all'anno|l'anno|annui|annue|annuali|obiettivo"),
    per: words("per"),
    year: words("anno"),
    numbers: [
      ["un", "1"],
      ["mezzo", "0.5"],
    ],
    up: words("aumento|rialzo|crescita|incremento|aumentata|cresciuta"),
    down: words("calo|diminuzione|ribasso|riduzione|flessione|diminuita"),
    more: words("in più|aggiuntive|aggiuntivi"),
    percent: words("per cento"),
  },
  de: {
    decimalMark: ",",
    approx: words("etwa|rund|ca.|circa|zirka|ungefähr|annähernd|um die"),
    min: words("mehr als|mindestens|über|knapp über|wenigstens|nicht weniger als"),
    max: words("bis zu|höchstens|maximal|weniger als|unter|knapp unter|knapp|fast|beinahe|nahezu"),
    between: words("zwischen|im bereich zwischen"),
    rangeOf: words("im bereich von|in der größenordnung von|in der spanne von|in einer spanne von"),
    from: words("von"),
    to: words("bis"),
    and: words("und"),
    articles: [],
    after: [["oder mehr", "min"]],
    scales: [
      ["tausend", 3],
      ["tsd.", 3],
      ["mio.", 6],
      ["mio", 6],
      ["million", 6],
      ["millionen", 6],
      ["mrd.", 9],
      ["milliarde", 9],
      ["milliarden", 9],
    ],
    units: [
      ["unze", oz()],
      ["unzen", oz()],
      ["feinunzen", oz()],
      ["tonne", tonnes],
      ["tonnen", tonnes],
      ["pfund", pounds],
      ["kilogramm", kilograms],
      ["äquivalent", equivalent],
      ["goldäquivalent", { metal: "gold", equivalent: true }],
      ["silberäquivalent", { metal: "silver", equivalent: true }],
      ["gold", gold],
      ["silber", silver],
      ["kupfer", commodity("copper")],
      ["eisenerz", commodity("iron ore")],
      ["kohle", commodity("coal")],
      ["dollar", dollars],
      ["us - dollar", dollars],
    ],
    filler: words("pro jahr|jährlich|im jahr|der|des"),
    per: words("pro|je"),
    year: words("jahr"),
    numbers: [
      ["ein", "1"],
      ["eine", "1"],
    ],
    up: words("anstieg|steigerung|zunahme|plus|erhöhung|gestiegen|wachstum"),
    down: words("rückgang|minus|abnahme|verringerung|gesunken|gefallen"),
    more: words("mehr|zusätzliche|zusätzlich|weitere"),
    percent: words("prozent"),
  },
};

/**
 * Units and marks that belong to no language: abbreviations read after a figure in every text.
 * "Mt" is megatonnes but "MT"/"mt" is metric tonnes or (Indian releases) million tonnes.
 */
export const NEUTRAL_UNITS: readonly [string, UnitSense][] = [
  ["oz", oz()],
  ["koz", oz({ power: 3 })],
  ["kozs", oz({ power: 3 })],
  ["moz", oz({ power: 6 })],
  ["kt", { unit: "t", power: 3 }],
  ["mlb", { unit: "lb", power: 6 }],
  ["mlbs", { unit: "lb", power: 6 }],
  ["klb", { unit: "lb", power: 3 }],
  // per annum: "25-27Mtpa", "MTPA" (million tonnes in Indian releases too)
  ["mtpa", { unit: "t", power: 6 }],
  ["ktpa", { unit: "t", power: 3 }],
  ["ozs", oz()],
  ["oz.", oz()],
  ["t", tonnes],
  ["dmt", tonnes],
  ["wmt", tonnes],
  ["lb", pounds],
  ["lbs", pounds],
  ["lb.", pounds],
  ["kg", kilograms],
  ["mt", { unit: "t", millionOrMetric: true }],
  ["geo", oz({ metal: "gold", equivalent: true })],
  ["geos", oz({ metal: "gold", equivalent: true })],
  ["ge", { metal: "gold", equivalent: true }],
  ["aueq", { metal: "gold", equivalent: true }],
  ["au", gold],
  ["ageq", { metal: "silver", equivalent: true }],
  ["ag", silver],
  ["usd", dollars],
];
/** Abbreviations whose case carries their meaning: "Mt" (megatonnes), "BT" (billion tonnes, Indian releases). */
export const CASED_UNITS: readonly [string, UnitSense][] = [
  ["Mt", { unit: "t", power: 6 }],
  ["BT", { unit: "t", power: 9 }],
  ["TM", tonnes],
];
/** Scale words that are units of their own ("42.0 koz": ounces, "Mt": tonnes), lower case, and the unit inside: kept as printed where units are kept. */
export const SCALED_UNITS: ReadonlyMap<string, MassUnit> = new Map([
  ["koz", "oz"],
  ["moz", "oz"],
  ["kt", "t"],
  ["mt", "t"],
  ["mlb", "lb"],
  ["mlbs", "lb"],
]);

const LANGUAGE_LIST = Object.keys(LANGUAGE_WORDS) as Language[];

/** Every language's scale words of one word, with the English ones cells read ("koz", "mn"): guidance reads them all. */
export const GUIDANCE_SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ...SCALE_WORDS,
  ...LANGUAGE_LIST.flatMap((l) => LANGUAGE_WORDS[l].scales.filter(([w]) => !w.includes(" "))),
]);
/** Scale words of two words ("mil millones": a billion), by their first word. */
export const TWO_WORD_SCALES: ReadonlyMap<string, ReadonlyMap<string, number>> = (() => {
  const out = new Map<string, Map<string, number>>();
  for (const l of LANGUAGE_LIST) {
    for (const [w, p] of LANGUAGE_WORDS[l].scales) {
      const [a, b] = w.split(" ");
      if (b === undefined) continue;
      if (!out.has(a)) out.set(a, new Map());
      out.get(a)?.set(b, p);
    }
  }
  return out;
})();

/** Marks before a figure that bound it ("+500,000 ounces", "~37 Mt", ">1 Moz"), in every language. */
export const BOUND_MARKS: readonly [string, Bound][] = [
  ["+", "min"],
  [">", "min"],
  ["≥", "min"],
  ["~", "approx"],
  ["<", "max"],
  ["≤", "max"],
];
/** Marks between the two ends of a range: a dash (any dash is "-" once read) and "~". */
export const RANGE_MARKS: readonly string[] = ["-", "~"];

/** The symbol of a metal whose equivalent ounces or tonnes a producer reports: "oz AuEq", "t CuEq". */
export const METAL_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["gold", "Au"],
  ["silver", "Ag"],
  ["copper", "Cu"],
  ["zinc", "Zn"],
  ["lead", "Pb"],
  ["nickel", "Ni"],
]);
