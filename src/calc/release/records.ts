import type { Found } from "./model";
import type { Reading } from "./figures";
import type { Hit } from "./changes";
import type { Env } from "./read";
export function findRecords(_r: Reading, _env: Env, _hits: Hit[]): Found[] {
  return [];
}
