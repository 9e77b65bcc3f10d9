// `npm run bench`: every benchmark, printed as markdown tables (copied into the README's Performance section).
import os from "node:os";
import { benchPolicy } from "../bench/policy.bench";
import { benchStore } from "../bench/store.bench";
import { benchApi } from "../bench/api.bench";

async function main() {
  const sections: string[] = [];
  console.log(`Roleplane benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} cores\n`);
  sections.push(await benchPolicy());
  sections.push(await benchStore());
  sections.push(await benchApi());
  console.log(sections.join("\n"));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
