/**
 * `spanAtPath`: where a JSON path of the evaluator or the validator (`Statement[0].Condition.StringEquals["sts:ExternalId"]`)
 * sits in a document's text, so a reason can be shown at its lines.
 */
import { parseJson, type JsonNode, type ParsedJson } from "./parse";
import type { Span } from "./types";

type Segment = string | number;

const SEGMENT = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The path's segments, or null when it is not a path `childPath` could have written. */
export function pathSegments(path: string): Segment[] | null {
  const out: Segment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const m = SEGMENT.exec(path);
    if (!m || m.index !== at) return null;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

/**
 * The span of the element at `path`: an object member from its key to the end of its value, an array item as
 * itself. A single statement written as an object (not an array) answers `Statement[0]` too. With duplicate keys
 * the last one counts, as IAM reads them. Null when the text does not hold the path.
 */
export function spanAtPath(text: string | ParsedJson, path: string): Span | null {
  const parsed = typeof text === "string" ? parseJson(text) : text;
  const segments = pathSegments(path);
  if (!parsed.root || !segments) return null;
  let node: JsonNode = parsed.root;
  let span: Span = node.span;
  for (const seg of segments) {
    if (typeof seg === "number") {
      if (node.type === "array") {
        const item: JsonNode | undefined = node.items[seg];
        if (!item) return null;
        node = item;
        span = item.span;
      } else if (seg !== 0) return null;
    } else {
      if (node.type !== "object") return null;
      const member = node.members.findLast((m) => m.key === seg);
      if (!member) return null;
      node = member.value;
      span = member.span;
    }
  }
  return span;
}
