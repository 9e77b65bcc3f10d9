import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAwsError } from "@/lib/domain/errors";
import { JSON_BODY_LIMITS, jsonDepth, parseJsonText, readJsonBody } from "./json-body";

function parseOrRefuse(text: string): unknown {
  try {
    return parseJsonText(text);
  } catch (e) {
    if (isAwsError(e)) return e;
    throw e;
  }
}

const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

describe("console JSON bodies", () => {
  it("measures depth outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });

  it("refuses a body nested 100,000 deep before parsing it", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const refused = parseOrRefuse(deep);
    expect(isAwsError(refused) && refused.message).toBe(`The request body nests deeper than ${JSON_BODY_LIMITS.depth} levels.`);
  });

  it("keeps __proto__ as an ordinary key", () => {
    const before = prototypeSnapshot();
    const v = parseJsonText('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}') as object;
    expect(Object.keys(v)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toBe(before);
  });

  it("refuses an oversized body by its Content-Length, before reading it", async () => {
    const req = new Request("http://localhost/api/console/roles", {
      method: "POST",
      headers: { "content-length": String(JSON_BODY_LIMITS.bytes + 1), "content-type": "application/json" },
      body: "{}",
    });
    await expect(readJsonBody(req)).rejects.toMatchObject({ code: "RequestEntityTooLarge", status: 413 });
  });

  it("refuses a streamed body once it passes the limit", async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readJsonBody(req)).rejects.toMatchObject({ code: "RequestEntityTooLarge" });
    expect(sent).toBeLessThan(JSON_BODY_LIMITS.bytes * 2);
  });

  it("refuses invalid UTF-8", async () => {
    const req = new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await expect(readJsonBody(req)).rejects.toMatchObject({ code: "InvalidInput", message: "The request body is not valid UTF-8." });
  });

  it("never throws past the error boundary or touches Object.prototype, whatever the text (fuzz)", () => {
    const before = prototypeSnapshot();
    const nested = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.jsonValue(), tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "a", ""), tie("value"), { maxKeys: 3 }),
    }));
    const text = fc.oneof(
      nested.value.map((v) => JSON.stringify(v)),
      fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", ":", ",", "1", "a", " ") , maxLength: 200 }),
      fc.nat({ max: 300 }).map((n) => "[".repeat(n) + "]".repeat(n)),
    );
    fc.assert(
      fc.property(text, (t) => {
        parseOrRefuse(t);
        expect(prototypeSnapshot()).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });
});
