import { AwsError } from "@/lib/domain/errors";
import { readBoundedBody } from "./body";

/** The console's JSON bodies: the largest is a role with a trust policy and a 10 KB inline policy, far below this. */
export const JSON_BODY_LIMITS = { bytes: 1024 * 1024, depth: 64 } as const;

/**
 * The deepest nesting of arrays and objects in JSON text, found in one pass without parsing. Parsing and then
 * validating a 100,000-deep document recurses 100,000 times; this refuses it first.
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max && (max = depth) > stopAbove) return max;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** Parses JSON text under the console's limits; any refusal is an AwsError with AWS's code and a clear message. */
export function parseJsonText(text: string): unknown {
  if (jsonDepth(text, JSON_BODY_LIMITS.depth) > JSON_BODY_LIMITS.depth)
    throw new AwsError("InvalidInput", `The request body nests deeper than ${JSON_BODY_LIMITS.depth} levels.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AwsError("InvalidInput", "The request body is not valid JSON.");
  }
}

export async function readJsonBody(req: Request): Promise<unknown> {
  const bytes = await readBoundedBody(req, JSON_BODY_LIMITS.bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AwsError("InvalidInput", "The request body is not valid UTF-8.");
  }
  return parseJsonText(text);
}
