/**
 * The corpus figure: how many tables of test/fixtures/real import exactly right without manual
 * mapping, table by table, with what differs for the others. `npm run bench` prints it after the
 * timings; `npm run bench:corpus` prints it alone. The same comparison as test/taskpane/import/corpus.test.ts.
 */
import { KNOWN_DISAGREEMENTS, compareCorpusTable, corpusTables } from "../test/support/corpus";

export function printCorpusScore(): void {
  const tables = corpusTables();
  let exact = 0;
  let known = 0;
  console.log("\ncorpus: the real tables of test/fixtures/real against their hand-written expectations");
  for (const { name, file } of tables) {
    const r = compareCorpusTable(name, file);
    const manual = r.analysis.detected === null || r.analysis.detected === "manual";
    if (r.mismatches.length === 0) {
      exact++;
      console.log(`  exact     ${file} (${r.analysis.lineSummary})`);
      continue;
    }
    const agreed = KNOWN_DISAGREEMENTS[name];
    const onlyKnown = !manual && JSON.stringify(r.mismatches) === JSON.stringify(agreed?.mismatches);
    if (onlyKnown) known++;
    console.log(`  ${onlyKnown ? "disagrees" : "MISS     "} ${file}${manual ? " (needs manual mapping)" : ""}`);
    for (const m of r.mismatches) console.log(`            ${m}`);
    if (onlyKnown) console.log(`            known disagreement: ${agreed.why}`);
  }
  console.log(
    `corpus: ${exact} of ${tables.length} tables import exactly as expected without manual mapping; ` +
      `${known} differ only by a known disagreement (a restated month kept once), ${tables.length - exact - known} miss`,
  );
}

if (process.argv[1]?.endsWith("corpus.ts")) printCorpusScore();
