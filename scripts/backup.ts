// Run by bin/roleplane.mjs (`npx roleplane backup|restore <file>`) with the operator's environment.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { getDb } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/database-url.mjs";
import { BackupError, backupStore, checkBackup, parseHeader, restoreStore, type BackupHeader, type BackupRow } from "@/lib/db/backup";
import { parseSchemaModels } from "@/lib/db/schema-models";

const root = process.cwd();
const models = parseSchemaModels(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
const migrations = fs.readdirSync(path.join(root, "prisma", "migrations")).filter((d) => /^\d+_/.test(d));

/** Names the key without revealing it: enough to tell two keys apart. */
function keyFingerprint(): string | null {
  const key = process.env.ROLEPLANE_ENCRYPTION_KEY;
  return key ? `sha256:${createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 16)}` : null;
}

const summary = (h: BackupHeader) =>
  `${Object.values(h.models).reduce((a, b) => a + b, 0)} rows (${Object.entries(h.models)
    .filter(([, n]) => n > 0)
    .map(([m, n]) => `${m} ${n}`)
    .join(", ")})`;

async function backup(file: string) {
  const partial = `${file}.partial`;
  let stream: fs.WriteStream | undefined;
  const header = await backupStore(getDb(), models, { source: parseDatabaseUrl(process.env.DATABASE_URL).kind, encryptionKey: keyFingerprint() }, () => {
    stream?.destroy();
    // Owner-only: the file holds password hashes and sealed secrets.
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    stream = out;
    return { write: (line) => new Promise<void>((resolve, reject) => out.write(`${line}\n`, (err) => (err ? reject(err) : resolve()))) };
  });
  await new Promise<void>((resolve, reject) => stream!.end((err?: Error | null) => (err ? reject(err) : resolve())));
  fs.renameSync(partial, file);
  console.log(`Backed up ${summary(header)} to ${file}.`);
}

async function* lines(file: string) {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim()) yield { n, line };
  }
}

async function* rowsOf(file: string): AsyncIterable<BackupRow> {
  for await (const { n, line } of lines(file)) {
    if (n === 1) continue;
    try {
      yield JSON.parse(line) as BackupRow;
    } catch {
      throw new BackupError(`line ${n} of the backup is not JSON`);
    }
  }
}

/** Everything that can be checked without the store: the header, the key, every row against this schema. */
async function check(file: string): Promise<BackupHeader> {
  const first = await lines(file).next();
  const header = parseHeader(first.done ? undefined : first.value.line);
  const key = keyFingerprint();
  if (header.encryptionKey && header.encryptionKey !== key)
    throw new BackupError(
      `the backup's secrets are sealed with the key ${header.encryptionKey}, ` +
        (key ? `and this Roleplane's is ${key}` : "and this Roleplane has no key yet") +
        ": set ROLEPLANE_ENCRYPTION_KEY to the key of the Roleplane that made the backup, so its access keys still open",
    );
  await checkBackup(models, migrations, header, rowsOf(file));
  return header;
}

async function restore(file: string) {
  const header = await check(file);
  await restoreStore(getDb(), models, header, () => rowsOf(file));
  console.log(`Restored ${summary(header)} from ${file} (a ${header.source} backup of ${header.createdAt}).`);
}

const steps: Record<string, (file: string) => Promise<unknown>> = { backup, check, restore };
const [step, file] = process.argv.slice(2);
steps[step](file)
  .then(() => getDb().$disconnect())
  .catch((err) => {
    console.error(err instanceof BackupError ? `roleplane: ${err.message}` : err);
    process.exit(1);
  });
