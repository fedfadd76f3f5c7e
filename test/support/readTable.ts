/** The rows readSource gives for a text, without trailing blank lines: the cells alone, for tests of the reader. */
import { readSource } from "../../src/taskpane/import/read";

export function readTable(text: string): string[][] {
  const rows = readSource(text).rows;
  let n = rows.length;
  while (n > 0 && rows[n - 1].every((c) => c.trim() === "")) n--;
  return n === rows.length ? rows : rows.slice(0, n);
}

/** The column separator readSource settles on. */
export const detectSeparator = (text: string): string => readSource(text).separator;
