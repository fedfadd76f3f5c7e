import * as calc from "../src/calc/periods";
const texts = Array.from({ length: 1000 }, (_, i) => `${["Jan","Feb","Mar","Apr"][i % 4]} ${1940 + (i % 80)}`);
for (let rep = 0; rep < 5; rep++) {
  const s = performance.now();
  for (let i = 0; i < 20000; i++) calc.toMonth(texts[i % 1000]);
  console.log("toMonth 20000", (performance.now() - s).toFixed(0));
}
