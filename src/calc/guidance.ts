/**
 * Guidance as companies write it, in English, Spanish, Portuguese, French, Italian and German
 * ("88-92,000 ounces", "between 1,600 kilo ounces (koz) and 1,750 koz", "entre 2.1 y 2.3 millones de
 * onzas", "d'entre 600 000 et 650 000 onces", "tra le 400 e le 500 mila once", "mindestens 500.000
 * Unzen") read into a range with its unit and bound. The figures are read by the one number reader
 * (number.ts) with the settings of the text's language (guidanceWords.ts); the words are vocabulary.ts's.
 * What this file adds is the grammar around the figures: the words before them (bounds, range
 * introductions), the two ends and the word between, the unit after each, and a parenthesis that
 * names the unit again ("(koz)"), restates the figure ("(70 million tonnes)") or gives a tolerance
 * ("(+/- 5%)"); guidanceValues.ts turns the ends into values.
 */
import { CalcError, calcErrorOf } from "./errors";
import { scaleOf, type Figure, type NumberSettings } from "./number";
import { languageOf, phraseAt, settingsFor, tokenize, type Role, type Token } from "./guidanceWords";
import { checkRestated, valuesOf, type Context, type End, type Restated } from "./guidanceValues";
import { massOf, type TargetUnit } from "./units";
import { collapseSpaces, plainDashes, SCALED_UNITS, type Bound, type UnitSense } from "./vocabulary";

export interface GuidanceRange {
  low: number;
  high: number;
  /** The words that bound or round the figure, as written in lower case ("approximately", "mindestens", "+"), if any. */
  qualifier?: string;
}

/**
 * A guidance read: its ends in the unit named (scale words applied: "1.6 million ounces" is 1,600,000
 * oz), the unit (null when none is printed) and how the figures bound it. A one-sided target states
 * one end and leaves the other open: "min" ("at least 440 Mt") has no high end and "max" ("up to
 * 1.4Mt") no low end; low and high then both hold the figure stated, and `bound` says which end is open.
 */
export interface GuidanceReading extends GuidanceRange {
  bound: "range" | "point" | Bound;
  /** "oz", "oz AuEq", "oz AgEq", "t", "lb", "kg", "US$", "US$/oz"…, or null. */
  unit: string | null;
}

type Fail = (why: string) => CalcError;
type Intro = "between" | "rangeOf" | "from";

const START_ROLES: readonly Role["role"][] = ["bound", "between", "rangeOf", "from"];
const TAIL_ROLES: readonly Role["role"][] = ["unit", "filler", "after", "per", "percent", "year", "change"];
/** Reads guidance text into a range with its unit and bound; CalcError("value") quoting the text when it cannot. */
export function parseGuidance(text: string): GuidanceReading {
  const s = collapseSpaces(
    plainDashes(String(text))
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"'),
  );
  const fail: Fail = (why) => new CalcError("value", `guidance "${text}" cannot be read: ${why}`);
  if (s === "") throw fail("it is empty");
  const settings = settingsFor(s, languageOf(s), fail);
  const tokens = tokenize(s, settings, fail);
  return new Reader(s, tokens, settings, fail).read(String(text));
}

class Reader {
  private i = 0;
  private readonly restated: Restated[] = [];
  /** Commodities named before the figure ("copper production of …"). */
  private readonly leading = new Set<string>();

  constructor(
    private readonly s: string,
    private readonly tokens: readonly Token[],
    private readonly settings: NumberSettings,
    private readonly fail: Fail,
  ) {}

  read(original: string): GuidanceReading {
    const { tokens } = this;
    let bound: { bound: Bound; text: string } | undefined;
    let intro: Intro | undefined;
    let introText = "";
    this.i = this.periodLabel();
    // Words before the figure: a bound, a range introduction, and words that only describe it
    // ("a minimum annual production target of 300,000 ounces", "guidance of 88-92,000 ounces").
    while (this.i < tokens.length && tokens[this.i].kind !== "figure" && this.numberWordAt(this.i) === null) {
      const p = phraseAt(tokens, this.i, START_ROLES);
      if (p === null) {
        const d = phraseAt(tokens, this.i, ["filler", "unit"]);
        const describes =
          d !== null && (d.what.role === "filler" || (d.what.role === "unit" && isCommodity(d.what.sense)));
        if (d === null || !describes) break;
        if (d.what.role === "unit" && d.what.sense.metal !== undefined) this.leading.add(d.what.sense.metal);
        this.i += d.length;
        continue;
      }
      const text = this.textOf(this.i, this.i + p.length);
      if (p.what.role === "bound" && bound === undefined && intro === undefined) bound = { bound: p.what.bound, text };
      else if (p.what.role !== "bound" && intro === undefined) {
        intro = p.what.role as Intro;
        introText = text;
      } else break;
      this.i += p.length;
    }
    const first = this.readEnd(intro !== undefined);
    let second: End | undefined;
    const join = this.joinAt(this.i);
    if (join !== null) {
      if (intro === "from" && join.role === "and")
        throw this.fail(`"${introText}" needs "to" before the second figure`);
      if (first.sense.unknown.length > 0) throw this.fail(`unexpected "${first.sense.unknown[0]}"`);
      this.i += join.length;
      second = this.readEnd(true);
    }
    const dangling = phraseAt(tokens, this.i, ["to", "and"]);
    if (dangling !== null && this.i + dangling.length === tokens.length)
      throw this.fail("a figure is missing at the end");
    if (this.i < tokens.length) throw this.fail(`unexpected "${this.s.slice(tokens[this.i].start).trim()}"`);
    const ends = second === undefined ? [first] : [first, second];
    const plain = valuesOf(ends, this.context());
    for (const r of this.restated) checkRestated(plain, r, this.fail);

    let kind: GuidanceReading["bound"];
    let qualifier = bound?.text;
    const after = ends[ends.length - 1].after ?? first.after;
    if (first.tolerance !== undefined || second?.tolerance !== undefined) {
      if (second !== undefined) throw this.fail("a tolerance after a range");
      if (bound !== undefined || after !== undefined) throw this.fail("a bound and a tolerance on one figure");
      kind = "range";
      qualifier = first.tolerance?.text;
    } else if (second !== undefined) {
      for (const b of [bound, after]) {
        if (b !== undefined && b.bound !== "approx")
          throw this.fail(`"${b.text}" before or after a range bounds neither end`);
      }
      kind = "range";
      qualifier = qualifier ?? after?.text;
    } else {
      if (intro === "between" || intro === "from") {
        throw this.fail(`"${introText}" needs ${intro === "from" ? '"to" before ' : ""}a second figure`);
      }
      if (bound !== undefined && after !== undefined && bound.bound !== after.bound) {
        throw this.fail(`"${bound.text}" and "${after.text}" say different things`);
      }
      kind = bound?.bound ?? after?.bound ?? (intro === "rangeOf" ? "approx" : "point");
      qualifier = qualifier ?? after?.text ?? (intro === "rangeOf" ? introText : undefined);
    }
    const [low, high = low] = plain.values;
    if (low > high) {
      throw new CalcError("value", `guidance "${original}": the low end ${low} is above the high end ${high}`);
    }
    const reading: GuidanceReading = { low, high, bound: kind, unit: plain.label };
    if (qualifier !== undefined) reading.qualifier = qualifier.toLowerCase();
    return reading;
  }

  /**
   * Past a period that names the guidance's year at the start ("FY25 guidance of", "2025 production of",
   * "FY 2025 outlook"): a year is followed by a word that describes the figure, never by a unit.
   */
  private periodLabel(): number {
    const [a, b] = this.tokens;
    const year = (t: Token | undefined): boolean =>
      t?.kind === "figure" && /^(19|20)\d\d$/.test(this.s.slice(t.start, t.end));
    const describes = (at: number): boolean => phraseAt(this.tokens, at, ["filler"]) !== null;
    const fiscal = b?.kind === "figure" && /^(\d\d|(19|20)\d\d)$/.test(this.s.slice(b.start, b.end));
    if (a?.kind === "word" && /^(fy|cy)$/.test(a.lower) && fiscal && describes(2)) return 2;
    if (year(a) && describes(1)) return 1;
    return 0;
  }

  private context(): Context {
    return { s: this.s, tokens: this.tokens, settings: this.settings, fail: this.fail, leading: this.leading };
  }

  private textOf(from: number, to: number): string {
    return this.s.slice(this.tokens[from].start, this.tokens[to - 1].end);
  }

  /** A word between the ends ("to", "-", "y", "bis", "and") followed by the second figure, or null. */
  private joinAt(at: number): { role: "to" | "and"; length: number } | null {
    const p = phraseAt(this.tokens, at, ["to", "and"]);
    if (p === null || !this.figureAhead(at + p.length)) return null;
    return { role: p.what.role as "to" | "and", length: p.length };
  }

  private figureAhead(at: number): boolean {
    const a = phraseAt(this.tokens, at, ["article"]);
    const k = a === null ? at : at + a.length;
    return this.tokens[k]?.kind === "figure" || this.numberWordAt(k) !== null;
  }

  /** "one billion", "un million", "medio millón": a number word and a scale word, as a figure. */
  private numberWordAt(at: number): { figure: Figure; length: number } | null {
    const p = phraseAt(this.tokens, at, ["number"]);
    const scale = p === null ? undefined : this.tokens[at + p.length];
    if (p === null || p.what.role !== "number" || scale === undefined || scale.kind !== "word") return null;
    const power = scaleOf(scale.text, this.settings);
    if (power === undefined || power <= 0) return null;
    const [integer, fraction = ""] = p.what.value.split(".");
    const figure: Figure = {
      integer,
      fraction,
      groups: 0,
      lead: integer,
      run: this.textOf(at, at + p.length),
      currency: "",
      exponent: 0,
      scale: scale.text,
      scalePower: power,
      digitsAt: this.tokens[at].start,
      end: scale.end,
    };
    return { figure, length: p.length + 1 };
  }

  /** One end: an article, the figure, and the words after it up to the word between the ends. */
  private readEnd(articleAllowed: boolean): End {
    const { tokens } = this;
    if (articleAllowed) {
      const a = phraseAt(tokens, this.i, ["article"]);
      if (a !== null && this.figureAhead(this.i + a.length)) this.i += a.length;
    }
    const t = tokens[this.i];
    let figure: Figure;
    let fromWords = false;
    if (t?.kind === "figure") {
      figure = t.figure;
      this.i++;
    } else {
      const w = this.numberWordAt(this.i);
      if (w === null) {
        throw this.fail(
          t === undefined ? "a figure is missing at the end" : `expected a figure at "${this.s.slice(t.start)}"`,
        );
      }
      figure = w.figure;
      fromWords = true;
      this.i += w.length;
    }
    // A percentage is a change, not guidance ("20-26%" is CLAIM_CHECK's).
    if (figure.scale === "%") throw this.fail(`unexpected "${this.s.slice(figure.end - 1).trim()}"`);
    const end: End = { figure, fromWords, sense: { metals: new Set(), unknown: [], words: 0 } };
    this.readTail(end);
    return end;
  }

  /** The words after a figure: units, fillers, a bound after it, a cost per unit, parentheses. */
  private readTail(end: End): void {
    const { tokens } = this;
    while (this.i < tokens.length) {
      const t = tokens[this.i];
      if (t.kind === "figure" || this.joinAt(this.i) !== null) return;
      if (t.kind === "mark") {
        if (t.text === "(") {
          this.parenthesis(end);
          continue;
        }
        if (t.text === "." || t.text === '"' || (t.text === "-" && tokens[this.i + 1]?.kind === "word")) {
          this.i++; // an abbreviation's point, quotes around an abbreviation, "780-million-tonne"
          continue;
        }
      }
      const p = phraseAt(tokens, this.i, TAIL_ROLES);
      if (p === null) {
        if (t.kind === "mark" && t.text !== "/") return;
        if (t.kind === "word") {
          // A word PROD does not know may describe the figure once its unit is named ("ounces payable"),
          // but right after the figure it may be a scale or unit it cannot read ("14.6 millone").
          if (!named(end)) throw this.fail(`"${t.text}" after ${end.figure.run} is not a scale or unit PROD reads`);
          end.sense.unknown.push(t.text);
          this.i++;
          continue;
        }
      }
      const what = p?.what;
      if (what?.role === "percent") throw this.fail(`unexpected "${this.s.slice(t.start).trim()}"`);
      if (what?.role === "change") throw this.fail(`"${t.text}" makes it a change, not a level of production`);
      if (what?.role === "per" || t.text === "/") {
        this.per(end, this.i + (p?.length ?? 1));
        continue;
      }
      if (what === undefined) return;
      this.i += p?.length ?? 1;
      end.sense.words++;
      if (what.role === "after")
        end.after = { bound: what.bound, text: this.textOf(this.i - (p?.length ?? 1), this.i) };
      else if (what.role === "unit") this.merge(end, what.sense, t.text);
    }
  }

  /** "per year", "/oz", "por onça": a year is no change; a unit after a currency makes a cost per unit. */
  private per(end: End, at: number): void {
    const next = this.tokens[at];
    const year = phraseAt(this.tokens, at, ["year"]);
    if (year !== null) {
      this.i = at + year.length;
      return;
    }
    const unit = phraseAt(this.tokens, at, ["unit"]);
    const perUnit = unit?.what.role === "unit" ? unit.what.sense.unit : undefined;
    if (unit === null || perUnit === undefined || unit.what.role !== "unit" || unit.what.sense.power !== undefined) {
      throw this.fail(
        `a rate per ${next === undefined ? "something" : `"${this.s.slice(next.start, next.end)}"`} is not a quantity for a period`,
      );
    }
    end.sense.per = perUnit;
    end.sense.words++;
    this.i = at + unit.length;
  }

  private merge(end: End, sense: UnitSense, printed: string): void {
    const into = end.sense;
    if (sense.unit !== undefined) {
      if (into.unit !== undefined && into.unit !== sense.unit)
        throw this.fail(`two units: "${printed}" after ${into.unit}`);
      into.unit = sense.unit;
    }
    if (sense.power !== undefined) {
      if (into.power !== undefined && into.power !== sense.power) throw this.fail(`two scales: "${printed}"`);
      into.power = sense.power;
    }
    if (sense.millionOrMetric) into.millionOrMetric = true;
    if (sense.equivalent) into.equivalent = true;
    if (sense.metal !== undefined) into.metals.add(sense.metal);
    if (sense.currency !== undefined) into.currency = sense.currency;
  }

  /**
   * "(koz)", '("GEOs")', "(MT)": the unit named again, which must agree with the one before it.
   * "(70 million tonnes)": the same quantity in other words, checked once the figures are read.
   */
  private parenthesis(end: End): void {
    const { tokens } = this;
    const close = tokens.findIndex((t, k) => k > this.i && t.kind === "mark" && t.text === ")");
    if (close < 0) throw this.fail('a "(" is not closed');
    const inner = tokens.slice(this.i + 1, close);
    const text = this.textOf(this.i, close + 1);
    const figures = inner.filter((t) => t.kind === "figure");
    const tolerance = toleranceIn(inner);
    if (tolerance !== null) {
      if (end.tolerance !== undefined) throw this.fail(`two tolerances: "${text}"`);
      end.tolerance = { figure: tolerance, text: text.slice(1, -1).trim() };
      this.i = close + 1;
      return;
    }
    // "(100% basis)", "(75% attributable)": a share that says what the figure covers, not another figure.
    if (figures.length > 0 && figures.every((t) => t.kind === "figure" && t.figure.scale === "%")) {
      end.sense.unknown.push(text);
      this.i = close + 1;
      return;
    }
    if (figures.length > 0) {
      const sub = new Reader(this.s, inner, this.settings, this.fail);
      const ends = [sub.readEnd(false)];
      const join = sub.joinAt(sub.i);
      if (join !== null) {
        sub.i += join.length;
        ends.push(sub.readEnd(true));
      }
      if (sub.i < inner.length || ends.some((e) => e.after !== undefined)) {
        throw this.fail(`the parenthesis "${text}" is not read`);
      }
      this.restated.push({ text, reading: valuesOf(ends, sub.context()) });
      this.i = close + 1;
      return;
    }
    const named: End = { figure: end.figure, fromWords: true, sense: { metals: new Set(), unknown: [], words: 0 } };
    const sub = new Reader(this.s, inner, this.settings, this.fail);
    sub.readTail(named);
    if (sub.i < inner.length) throw this.fail(`the parenthesis "${text}" is not read`);
    const a = named.sense;
    const own = end.sense;
    const ownUnit = own.unit ?? SCALED_UNITS.get(end.figure.scale.toLowerCase());
    const ownPower = (end.figure.scale !== "" ? end.figure.scalePower : 0) + (own.power ?? 0);
    const unitClash = a.unit !== undefined && ownUnit !== undefined && a.unit !== ownUnit;
    const powerClash = a.power !== undefined && a.power !== 0 && a.power !== ownPower;
    const metricClash = a.millionOrMetric && ownPower !== 0 && ownPower !== 6;
    if (unitClash || powerClash || metricClash) throw this.fail(`the parenthesis "${text}" names another unit`);
    if (ownUnit === undefined && a.unit !== undefined && !a.millionOrMetric) {
      own.unit = a.unit;
      if (a.power !== undefined) own.power = a.power;
    }
    if (a.equivalent) own.equivalent = true;
    for (const m of a.metals) own.metals.add(m);
    own.unknown.push(...a.unknown);
    own.words++;
    this.i = close + 1;
  }
}

const TOLERANCE_SIGNS = [
  "±",
  "+/-",
  "+ / -",
  "plus or minus",
  "más o menos",
  "mais ou menos",
  "plus ou moins",
  "più o meno",
  "plus/minus",
];

/** The percentage of a tolerance in parentheses ("+/- 5%", "±7 %"), or null. */
function toleranceIn(inner: readonly Token[]): Figure | null {
  const last = inner[inner.length - 1];
  if (last === undefined || last.kind !== "figure" || last.figure.scale !== "%") return null;
  const sign = inner
    .slice(0, -1)
    .map((t) => (t.kind === "figure" ? "#" : t.lower))
    .join(" ")
    .replace(/\+ \/ -/, "+/-");
  return TOLERANCE_SIGNS.includes(sign) ? last.figure : null;
}

/** A commodity named before a figure ("gold production of"), not a unit. */
const isCommodity = (sense: UnitSense): boolean =>
  sense.metal !== undefined && sense.unit === undefined && sense.equivalent !== true && sense.currency === undefined;

/** Whether the words after a figure have named what it counts: a unit, a currency, a commodity. */
function named(end: End): boolean {
  const s = end.sense;
  return (
    s.unit !== undefined ||
    s.currency !== undefined ||
    s.metals.size > 0 ||
    s.equivalent === true ||
    end.figure.currency !== "" ||
    SCALED_UNITS.has(end.figure.scale.toLowerCase())
  );
}

/**
 * Growth the range implies over last year's actual: {low/base - 1, high/base - 1}.
 * A zero base has no growth (div0); a negative one makes a percentage meaningless (value).
 */
export function impliedGrowth(range: { low: number; high: number }, base: number): { low: number; high: number } {
  if (base === 0) throw new CalcError("div0", "base is 0: growth over nothing is undefined");
  if (!(base > 0) || !Number.isFinite(base)) {
    throw new CalcError("value", `base ${base} must be a positive number (a negative base makes growth meaningless)`);
  }
  return { low: range.low / base - 1, high: range.high / base - 1 };
}

/**
 * The `unit` argument ("koz", "Mt", "million ounces", "Mio. Unzen", "thousand"): read as guidance
 * of one of it, so every unit and scale word guidance is printed with is a unit. A scale alone
 * ("thousand") has no mass; a currency is not a unit to convert.
 */
export function readUnit(text: string): TargetUnit {
  const printed = text.trim();
  const known = 'units PROD reads: oz, koz, Moz, t, kt, Mt, lb, Mlb, or words such as "million tonnes"';
  let r: GuidanceReading;
  try {
    r = parseGuidance(`1 ${printed}`);
  } catch (e) {
    const why = calcErrorOf(e).message.replace(/^guidance "[^"]*" cannot be read: /, "");
    throw new CalcError("value", `unit "${printed}" is not one of the ${known} (${why})`);
  }
  const power = Math.round(Math.log10(r.low));
  const mass = massOf(r.unit);
  if (printed === "" || r.bound !== "point" || 10 ** power !== r.low || (r.unit !== null && mass === null)) {
    throw new CalcError("value", `unit "${printed}" is not one of the ${known}`);
  }
  return { unit: mass, power, printed };
}
