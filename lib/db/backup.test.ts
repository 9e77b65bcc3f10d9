import { describe, expect, it } from "vitest";
import { BackupError, backupModels, checkBackup, parseHeader, type BackupHeader, type BackupRow } from "./backup";
import { parseSchemaModels } from "./schema-models";

const schema = parseSchemaModels(`
  enum Colour {
    RED
    BLUE
  }
  model Box {
    id     String @id
    colour Colour
    items  Item[]
  }
  model Item {
    boxId String
    box   Box    @relation(fields: [boxId], references: [id])
    n     Int
    @@id([boxId, n])
  }`);

const header = (over: Partial<BackupHeader> = {}): BackupHeader => ({
  roleplane: "backup",
  format: 1,
  createdAt: "2026-11-29T00:00:00.000Z",
  source: "sqlite",
  migration: "20261128004259_init",
  encryptionKey: null,
  models: { Box: 1, Item: 1 },
  ...over,
});

async function* rows(...list: BackupRow[]) {
  yield* list;
}
const box: BackupRow = { model: "Box", row: { id: "b1", colour: "RED" } };
const item: BackupRow = { model: "Item", row: { boxId: "b1", n: 1 } };
const migrations = ["20261128004259_init"];

describe("backup", () => {
  it("copies scalar and enum columns, parents first", () => {
    const ordered = backupModels([...schema].reverse());
    expect(ordered.map((m) => m.name)).toEqual(["Box", "Item"]);
    expect(ordered[0].fields.find((f) => f.name === "colour")?.kind).toBe("enum");
  });

  it("refuses a column type it cannot carry rather than dropping it", () => {
    const odd = parseSchemaModels(`model Odd {\n id String @id\n shape Unsupported("circle")\n}`);
    expect(() => backupModels(odd)).toThrow(BackupError);
  });

  it("reads only Roleplane backup headers of its format", () => {
    expect(() => parseHeader("id,name")).toThrow("this is not a Roleplane backup (its first line is not JSON)");
    expect(() => parseHeader('{"some":"json"}')).toThrow("this is not a Roleplane backup");
    expect(() => parseHeader(JSON.stringify(header({ format: 2 })))).toThrow("backup format 2 is not one this Roleplane reads (1)");
    expect(parseHeader(JSON.stringify(header()))).toEqual(header());
  });

  it("accepts a backup that fits this schema", async () => {
    await expect(checkBackup(schema, migrations, header(), rows(box, item))).resolves.toBeUndefined();
  });

  it.each([
    ["a newer schema", header({ migration: "20270101000000_future" }), rows(box, item), "made by a newer Roleplane (schema 20270101000000_future)"],
    ["a model it lacks", header({ models: { Box: 1, Item: 1, Crate: 0 } }), rows(box, item), "holds Crate rows, a model this Roleplane does not have"],
    ["a field it lacks", header(), rows({ model: "Box", row: { id: "b1", colour: "RED", size: 3 } }, item), "has a field Box.size this Roleplane does not have"],
    ["fewer rows than its header counts", header({ models: { Box: 2, Item: 1 } }), rows(box, item), "is incomplete: Box has 1 of 2 rows"],
  ])("refuses %s before touching the store", async (_what, h, r, message) => {
    await expect(checkBackup(schema, migrations, h, r)).rejects.toThrow(message);
  });
});
