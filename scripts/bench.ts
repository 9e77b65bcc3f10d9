// `npm run bench`: every benchmark, printed as markdown tables (copied into the README's Performance section).
// `npm run bench -- policy store` runs only those (policy, decision, store, passrole, import, access, api, sts, simulator, editor, soak).
import os from "node:os";
import { benchAccess } from "../bench/access.bench";
import { benchApi } from "../bench/api.bench";
import { benchDecision } from "../bench/decision.bench";
import { benchEditor } from "../bench/editor.bench";
import { benchImport } from "../bench/import.bench";
import { benchPassRole } from "../bench/pass-role.bench";
import { benchPolicy } from "../bench/policy.bench";
import { startBenchServer, type BenchServer } from "../bench/server";
import { benchStore } from "../bench/store.bench";
import { benchSimulator } from "../bench/simulator.bench";
import { benchSoak } from "../bench/soak";
import { benchSts } from "../bench/sts.bench";

const IN_PROCESS = { policy: benchPolicy, decision: benchDecision, store: benchStore, passrole: benchPassRole, import: benchImport, access: benchAccess };
const OVER_HTTP = { api: benchApi, sts: benchSts, simulator: benchSimulator, editor: benchEditor, soak: benchSoak };

async function main() {
  const asked = process.argv.slice(2);
  const wanted = (name: string) => asked.length === 0 || asked.includes(name);
  console.log(`Roleplane benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} cores\n`);
  for (const [name, run] of Object.entries(IN_PROCESS)) if (wanted(name)) console.log(await run());
  const remote = Object.entries(OVER_HTTP).filter(([name]) => wanted(name));
  if (remote.length === 0) return;
  // One server for the HTTP and browser benchmarks: starting it (and building the console) is the slow part.
  const server: BenchServer = await startBenchServer();
  try {
    for (const [, run] of remote) console.log(await run(server));
  } finally {
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
