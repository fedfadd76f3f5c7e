import { importCsv } from "./data";
import { analyseImport } from "../src/taskpane/import/engine";
const text = importCsv(100, 1000);
for (let k = 0; k < 4; k++) analyseImport(text, { today: new Date(2024, 5, 15) });
