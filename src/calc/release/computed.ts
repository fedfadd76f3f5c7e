/** What a claim's figures give, in words a reader compares with what was stated: "8.69%", "986 oz", "68,611". */
import { div, formatPercent, fromDecimal, rational, sub } from "../rational";
import type { Fig, Found } from "./model";
import { baseValue, type Quantity } from "./quantities";
import { difference, formatDecimal } from "./verdicts";
import { MULTIPLES } from "./words";

function percent(current: Quantity, prior: Quantity): string | null {
  const c = baseValue(current);
  const p = baseValue(prior);
  if (p.coefficient === 0n) return null;
  const change = sub(div(fromDecimal(c.coefficient, c.exponent), fromDecimal(p.coefficient, p.exponent)), rational(1n));
  return `${formatPercent(change, 2)}%`;
}

const one = (v: Fig | Fig[] | null | undefined): Fig | null => (v && !Array.isArray(v) ? v : null);

export function computedOf(c: Found): string | null {
  const f = c.figures;
  if (c.kind === "change") {
    const cur = one(f.current);
    const pri = one(f.prior);
    if (!cur || !pri) return null;
    const inWords = c.stated.split(/\s+/).some((w) => MULTIPLES.get(w.toLowerCase())?.planned === false);
    if (inWords || /%|per ?cent|percent/i.test(c.stated)) return percent(cur.q, pri.q);
    const d = difference(cur.q, pri.q);
    const scale = cur.q.unit.scale;
    return `${formatDecimal({ coefficient: d.coefficient, exponent: d.exponent - scale })}${cur.unitText ? ` ${cur.unitText}` : ""}`;
  }
  if (c.kind === "total") {
    const parts = Array.isArray(f.parts) ? f.parts : [];
    const total = one(f.total);
    if (!total || parts.length === 0) return null;
    let sum = { coefficient: 0n, exponent: 0 };
    for (const p of parts) {
      const v = baseValue(p.q);
      const e = Math.min(sum.exponent, v.exponent);
      sum = {
        coefficient: sum.coefficient * 10n ** BigInt(sum.exponent - e) + v.coefficient * 10n ** BigInt(v.exponent - e),
        exponent: e,
      };
    }
    return formatDecimal({ coefficient: sum.coefficient, exponent: sum.exponent - total.q.unit.scale });
  }
  if (c.kind === "guidance") {
    const low = one(f.low);
    const high = one(f.high);
    const base = one(f.base);
    const current = one(f.current);
    if (low && high && base) {
      const a = percent(low.q, base.q);
      const b = percent(high.q, base.q);
      // one figure stated for a range is read against the low end
      if (c.verdict.startsWith("low end: ")) return a;
      return a && b ? `${a} | ${b}` : null;
    }
    if (current) return current.q.printed;
    return null;
  }
  const earlier = Array.isArray(f.earlier) ? f.earlier : [];
  if (earlier.length === 0) return null;
  let best = earlier[0];
  for (const e of earlier) if (difference(e.q, best.q).coefficient > 0n) best = e;
  return `best earlier printed: ${best.q.printed}`;
}
