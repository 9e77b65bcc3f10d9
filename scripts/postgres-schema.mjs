// The PostgreSQL schema is generated from prisma/schema.prisma (SQLite), the one source of truth for the models:
// only the datasource provider and the client's output folder differ. `npm run db:generate` and
// `npm run db:new-migration` rewrite prisma/postgres/schema.prisma; lib/db/schemas.test.ts fails when it is stale.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: edit that file, then run\n" +
  "// `npm run db:generate` (or `npm run db:new-migration -- <name>`), never this one.\n";

function replaceOnce(text, pattern, replacement, what) {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: cannot find ${what} to rewrite for PostgreSQL`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL twin of the SQLite schema text. */
export function postgresSchema(sqliteSchema) {
  let text = replaceOnce(sqliteSchema, /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the datasource provider "sqlite"');
  text = replaceOnce(text, /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-postgres"', "the client output");
  return HEADER + text;
}

/** Writes prisma/postgres/schema.prisma; true when it changed. */
export function writePostgresSchema() {
  const next = postgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
  const current = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, "utf8") : null;
  if (current === next) return false;
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, next);
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain && writePostgresSchema()) console.log("Wrote prisma/postgres/schema.prisma");
