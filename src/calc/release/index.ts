/** Reading a production release: its figures and claims, each checked against the release's own numbers. */
import { CalcError } from "../errors";
import type { Release } from "./model";
import { readReleaseText } from "./read";

/**
 * The figures and claims of a release given as plain text. Any text gets an answer: what cannot be
 * read is listed in `notRead`, never guessed. Offsets refer to `text` as given.
 */
export function readRelease(text: unknown): Release {
  if (typeof text !== "string") throw new CalcError("value", "a release is text");
  const r = readReleaseText(text);
  for (const c of r.claims) c.text = text.slice(c.start, c.end);
  return r;
}

export type { Release, ReleaseClaim, ReleaseFigure } from "./model";
