import { parseJson, type JsonNode } from "@/lib/policy";

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Pretty-prints a policy with two-space indentation, as the AWS console shows policies. Works from Roleplane's
 * own parse tree rather than JSON.parse so that duplicate keys (a finding, not something to silently drop) and
 * numbers as written (`1.0` stays `1.0`; IAM compares them as text) survive formatting. Refuses invalid JSON:
 * reformatting around a syntax error would guess at the author's intent.
 */
export function formatPolicy(text: string): FormatResult {
  if (!/\S/.test(text)) return { ok: false, reason: "The document is empty." };
  const parsed = parseJson(text);
  if (!parsed.root || parsed.errors.length > 0) {
    const e = parsed.errors[0];
    return { ok: false, reason: e ? `Fix the JSON syntax error on line ${e.span.start.line} first.` : "The document is not valid JSON." };
  }
  return { ok: true, text: print(parsed.root, "") };
}

function print(node: JsonNode, indent: string): string {
  const inner = `${indent}  `;
  switch (node.type) {
    case "object":
      if (node.members.length === 0) return "{}";
      return `{\n${node.members.map((m) => `${inner}${JSON.stringify(m.key)}: ${print(m.value, inner)}`).join(",\n")}\n${indent}}`;
    case "array":
      if (node.items.length === 0) return "[]";
      return `[\n${node.items.map((it) => `${inner}${print(it, inner)}`).join(",\n")}\n${indent}]`;
    case "string":
      return JSON.stringify(node.value);
    case "number":
      return node.raw;
    case "boolean":
      return String(node.value);
    default:
      return "null";
  }
}
