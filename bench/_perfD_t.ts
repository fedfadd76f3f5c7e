import { analyseImport } from "../src/taskpane/import/engine";
const show = (t: string, o = {}) => { const a = analyseImport(t, { today: new Date(2017, 2, 29), ...o }); console.log(a.detected, a.reason, JSON.stringify(a.plan.columns.map(c=>c.name)), JSON.stringify(a.plan.rows), JSON.stringify(a.plan.problems.map(p=>p.message))); };
show("Month,Gold (oz),Silver (oz),Total gold equivalent (oz),YTD Gold (oz)\nJan 2017,5208,100,5300,5208\nFeb 2017,6736,100,6800,11944\n9 mnth 2016,1,1,1,1\n");
show("Month\tGold (oz)\nJan 2017\t5\u00a0208\nSept 2016\t4,100\n1H 2016\t100\n");
show("Period,Gold production1 (koz),Recovery %\nQ1 2017,12.5,91\nJan 2017,4.2,90.5\n");
