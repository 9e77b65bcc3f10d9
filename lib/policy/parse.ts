/**
 * JSON with source positions.
 *
 * Parser choice: `@humanwhocodes/momoa` (Apache-2.0, the parser behind ESLint's JSON support). It keeps
 * every key of an object — duplicates included — as separate AST members with exact ranges, and its
 * errors carry the failing offset. jsonc-parser would also do, but its visitor API needs more glue to
 * build a tree and it silently tolerates some errors. We only take offsets from momoa and compute
 * line/column ourselves (see `LineIndex`) so that spans are consistent by construction.
 */
import { parse as momoaParse, type ValueNode as MomoaValue } from "@humanwhocodes/momoa";
import { LineIndex } from "./position";
import type { Span } from "./types";

interface JsonBase {
  span: Span;
}
export interface JsonObject extends JsonBase {
  type: "object";
  members: JsonMember[];
}
export interface JsonMember {
  key: string;
  keySpan: Span;
  value: JsonNode;
  /** From the start of the key to the end of the value. */
  span: Span;
}
export interface JsonArray extends JsonBase {
  type: "array";
  items: JsonNode[];
}
export interface JsonString extends JsonBase {
  type: "string";
  value: string;
}
export interface JsonNumber extends JsonBase {
  type: "number";
  value: number;
  /** The literal as written, because IAM compares numbers as text (`"1.0"` vs `1`). */
  raw: string;
}
export interface JsonBoolean extends JsonBase {
  type: "boolean";
  value: boolean;
}
export interface JsonNull extends JsonBase {
  type: "null";
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

/** A JSON syntax problem at one place in the text. */
export interface JsonSyntaxError {
  message: string;
  span: Span;
}

export interface ParsedJson {
  text: string;
  lines: LineIndex;
  /** The document's value; when only trailing text is wrong, the value before it is still returned. */
  root: JsonNode | null;
  /** Empty when the text is valid JSON. */
  errors: JsonSyntaxError[];
}

/**
 * Parses JSON text without throwing. A syntax error yields an entry in `errors`; text after a complete
 * value ("trailing garbage") is an error too, but the value before it is kept so the editor can still
 * show the other findings.
 */
export function parseJson(text: string): ParsedJson {
  const lines = new LineIndex(text);
  const first = tryParse(text, lines);
  if (first.root) return { text, lines, root: first.root, errors: [] };
  const errors = [first.error!];
  const at = first.error!.span.start.offset;
  // Trailing garbage: the prefix up to the error may be a complete document on its own.
  if (at > 0 && /\S/.test(text.slice(0, at))) {
    const prefix = tryParse(text.slice(0, at), lines);
    if (prefix.root) return { text, lines, root: prefix.root, errors };
  }
  return { text, lines, root: null, errors };
}

function tryParse(text: string, lines: LineIndex): { root?: JsonNode; error?: JsonSyntaxError } {
  try {
    const doc = momoaParse(text, { mode: "json" });
    return { root: convert(doc.body, lines) };
  } catch (e) {
    const err = e as { message?: string; offset?: number };
    const offset = typeof err.offset === "number" ? err.offset : text.length;
    const message = String(err.message ?? "Invalid JSON").replace(/\s*\(\d+:\d+\)\s*$/, "");
    return { error: { message, span: lines.span(offset, Math.min(offset + 1, lines.text.length)) } };
  }
}

// `ranges: true` would duplicate what `loc` already holds and makes momoa markedly slower.
function rangeOf(node: { loc: { start: { offset: number }; end: { offset: number } } }): [number, number] {
  return [node.loc.start.offset, node.loc.end.offset];
}

function convert(node: MomoaValue, lines: LineIndex): JsonNode {
  const [s, e] = rangeOf(node);
  const span = lines.span(s, e);
  switch (node.type) {
    case "Object":
      return {
        type: "object",
        span,
        members: node.members.map((m) => {
          const [ks, ke] = rangeOf(m.name);
          const [, ve] = rangeOf(m.value);
          const key = m.name.type === "String" ? m.name.value : m.name.name;
          return { key, keySpan: lines.span(ks, ke), value: convert(m.value, lines), span: lines.span(ks, ve) };
        }),
      };
    case "Array":
      return { type: "array", span, items: node.elements.map((el) => convert(el.value, lines)) };
    case "String":
      return { type: "string", span, value: node.value };
    case "Number":
      return { type: "number", span, value: node.value, raw: lines.text.slice(s, e) };
    case "Boolean":
      return { type: "boolean", span, value: node.value };
    default:
      // JSON mode never yields identifiers, NaN or Infinity; treat anything else as null.
      return { type: "null", span };
  }
}

/** The members of `obj` named `key` (more than one when the key is duplicated). */
export function membersNamed(obj: JsonObject, key: string): JsonMember[] {
  return obj.members.filter((m) => m.key === key);
}
