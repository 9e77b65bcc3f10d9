import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchema, postgresSchemaPath, sqliteSchemaPath } from "@/scripts/postgres-schema.mjs";
import { inDependencyOrder, parseSchemaEnums, parseSchemaModels } from "./schema-models";

const sqlite = fs.readFileSync(sqliteSchemaPath, "utf8");
const postgres = fs.readFileSync(postgresSchemaPath, "utf8");
const migrationsOf = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
const sqliteMigrations = path.join(process.cwd(), "prisma", "migrations");
const postgresMigrations = path.join(process.cwd(), "prisma", "postgres", "migrations");

describe("the two stores' schemas", () => {
  it("describe the same models, field by field", () => {
    expect(parseSchemaModels(postgres)).toEqual(parseSchemaModels(sqlite));
    expect(parseSchemaEnums(postgres)).toEqual(parseSchemaEnums(sqlite));
  });

  it("keep the PostgreSQL schema generated from the SQLite one (run `npm run db:generate` after editing prisma/schema.prisma)", () => {
    expect(postgres).toBe(postgresSchema(sqlite));
    expect(postgres).toMatch(/provider\s*=\s*"postgresql"/);
  });

  it("have one migration history under the same names, so neither store can be forgotten", () => {
    expect(migrationsOf(postgresMigrations)).toEqual(migrationsOf(sqliteMigrations));
    expect(fs.readFileSync(path.join(postgresMigrations, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("give every PostgreSQL text column byte-order collation, as SQLite compares text", () => {
    for (const dir of migrationsOf(postgresMigrations)) {
      const sql = fs.readFileSync(path.join(postgresMigrations, dir, "migration.sql"), "utf8");
      expect(sql.match(/"[^"]+" TEXT(?! COLLATE "C")\b.*/g) ?? [], dir).toEqual([]);
    }
  });
});

describe("parseSchemaModels", () => {
  const schema = `
    // a comment with "quotes" and a model keyword
    model Parent {
      id    String @id /// the key
      kids  Child[]
      url   String @default("http://example.com") // not a comment inside the string
    }
    model Child {
      parentId String
      parent   Parent   @relation(fields: [parentId], references: [id], onDelete: Cascade)
      n        Int?
      @@id([parentId, n])
    }`;

  it("reads fields, primary keys and which side of a relation holds the key", () => {
    const [parent, child] = parseSchemaModels(schema);
    expect(parent.primaryKey).toEqual(["id"]);
    expect(parent.fields.find((f) => f.name === "url")?.attributes).toBe('@default("http://example.com")');
    expect(parent.fields.find((f) => f.name === "kids")).toMatchObject({ type: "Child", list: true });
    expect(child.primaryKey).toEqual(["parentId", "n"]);
    expect(child.fields.find((f) => f.name === "parent")?.references).toBe("Parent");
    expect(child.fields.find((f) => f.name === "n")).toMatchObject({ type: "Int", optional: true });
  });

  it("orders models parents first, whatever order the schema lists them in", () => {
    const names = inDependencyOrder(parseSchemaModels(sqlite)).map((m) => m.name);
    expect(names.indexOf("Account")).toBeLessThan(names.indexOf("Role"));
    expect(names.indexOf("Role")).toBeLessThan(names.indexOf("RolePolicyAttachment"));
    expect(names.indexOf("ManagedPolicy")).toBeLessThan(names.indexOf("RolePolicyAttachment"));
    expect(inDependencyOrder(parseSchemaModels(schema).reverse()).map((m) => m.name)).toEqual(["Parent", "Child"]);
  });

  it("refuses foreign keys that form a cycle", () => {
    const cycle = `model A {\n id String @id\n bId String\n b B @relation(fields: [bId], references: [id])\n}\nmodel B {\n id String @id\n aId String\n a A @relation(fields: [aId], references: [id])\n}`;
    expect(() => inDependencyOrder(parseSchemaModels(cycle))).toThrow(/cycle/);
  });
});
