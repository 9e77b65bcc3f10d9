/**
 * The models of a Prisma schema, read from its text: enough to compare two schemas model by model and to walk
 * every model generically (backup and restore). Prisma's own DMMF is not exposed by the generated client.
 */

export interface SchemaField {
  name: string;
  /** A scalar type (String, Int, DateTime, …), an enum or another model. */
  type: string;
  /** Which of the three `type` is: a relation to another model is an "object" field, stored on neither side. */
  kind: "scalar" | "enum" | "object";
  optional: boolean;
  list: boolean;
  /** Attributes as written, whitespace-normalised: `@id`, `@default(now())`, `@relation(…)`. */
  attributes: string;
  /** For the side of a relation that holds the foreign key: the model it points at. */
  references?: string;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  /** Block attributes (`@@id(…)`, `@@unique(…)`, `@@index(…)`), whitespace-normalised. */
  blockAttributes: string[];
  /** The primary key's fields, from `@id` or `@@id([…])`. */
  primaryKey: string[];
}

export interface SchemaEnum {
  name: string;
  values: string[];
}

/** Drops `//` comments (including `///` docs) outside string literals. */
function stripComments(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    else if (!inString && line[i] === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

const normalise = (s: string) => s.trim().replace(/\s+/g, " ").replace(/\s*([(),:[\]])\s*/g, "$1");

function blocks(schema: string, keyword: "model" | "enum"): { name: string; lines: string[] }[] {
  const found: { name: string; lines: string[] }[] = [];
  let current: { name: string; lines: string[] } | null = null;
  for (const raw of schema.split("\n")) {
    const line = stripComments(raw).trim();
    if (!line) continue;
    const open = new RegExp(`^${keyword}\\s+(\\w+)\\s*\\{$`).exec(line);
    if (!current && open) current = { name: open[1], lines: [] };
    else if (current && line === "}") {
      found.push(current);
      current = null;
    } else if (current) current.lines.push(line);
  }
  return found;
}

function parseField(line: string, kindOf: (type: string) => SchemaField["kind"]): SchemaField {
  const m = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
  if (!m) throw new Error(`cannot read the schema field "${line}"`);
  const [, name, type, list, optional, rest] = m;
  const attributes = normalise(rest);
  const holdsKey = /@relation\([^)]*fields:/.test(attributes);
  return { name, type, kind: kindOf(type), list: Boolean(list), optional: Boolean(optional), attributes, ...(holdsKey ? { references: type } : {}) };
}

export function parseSchemaModels(schema: string): SchemaModel[] {
  const models = blocks(schema, "model");
  const modelNames = new Set(models.map((m) => m.name));
  const enumNames = new Set(blocks(schema, "enum").map((e) => e.name));
  const kindOf = (type: string) => (modelNames.has(type) ? "object" : enumNames.has(type) ? "enum" : "scalar");
  return models.map(({ name, lines }) => {
    const blockAttributes = lines.filter((l) => l.startsWith("@@")).map(normalise);
    const fields = lines.filter((l) => !l.startsWith("@@")).map((l) => parseField(l, kindOf));
    const compositeId = blockAttributes.map((a) => /^@@id\(\[([^\]]*)\]/.exec(a)).find(Boolean);
    const primaryKey = compositeId
      ? compositeId[1].split(",").map((f) => f.trim())
      : fields.filter((f) => /(^|\s)@id(\s|$|\()/.test(f.attributes)).map((f) => f.name);
    if (primaryKey.length === 0) throw new Error(`model ${name} has no primary key`);
    return { name, fields, blockAttributes, primaryKey };
  });
}

export function parseSchemaEnums(schema: string): SchemaEnum[] {
  return blocks(schema, "enum").map(({ name, lines }) => ({ name, values: lines.map((l) => l.split(/\s/)[0]) }));
}

/** Models ordered so every model comes after the models its foreign keys point at (parents before children). */
export function inDependencyOrder(models: SchemaModel[]): SchemaModel[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const ordered: SchemaModel[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (m: SchemaModel, path: string[]) => {
    if (state.get(m.name) === "done") return;
    if (state.get(m.name) === "visiting") throw new Error(`foreign keys form a cycle: ${[...path, m.name].join(" → ")}`);
    state.set(m.name, "visiting");
    for (const f of m.fields) {
      const parent = f.references && f.references !== m.name ? byName.get(f.references) : undefined;
      if (parent) visit(parent, [...path, m.name]);
    }
    state.set(m.name, "done");
    ordered.push(m);
  };
  for (const m of models) visit(m, []);
  return ordered;
}
