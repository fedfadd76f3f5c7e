import { printAll } from "./table";
import { importSection } from "./importBench";
void importSection().then(() => printAll());
