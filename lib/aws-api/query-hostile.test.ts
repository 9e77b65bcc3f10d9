import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAwsError } from "@/lib/domain/errors";
import { nestParams, parseQueryParams, QUERY_LIMITS, readFlatParams } from "./query";

/**
 * The Query parser reads every request before anyone knows who sent it. These tests are the attacks that once
 * broke it (prototype pollution, a sparse index that froze the event loop, quadratic parameter handling), kept,
 * plus a fuzzer over keys, indexes, nesting and encodings.
 */

const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");
const params = (s: string) => parseQueryParams(new URLSearchParams(s));
const form = (s: string) => readFlatParams(new URL("http://localhost/api/aws"), new TextEncoder().encode(s), "application/x-www-form-urlencoded");

/** Throws only the errors the handler turns into AWS's envelope (AwsError), never anything else. */
function parseOrRefuse(body: string): unknown {
  try {
    return nestParams(form(body));
  } catch (e) {
    if (isAwsError(e)) return e;
    throw e;
  }
}

describe("hostile Query parameters", () => {
  it.each(["__proto__.pz=1", "constructor.prototype.pz=1", "__proto__.member.1=1", "Tags.member.1.__proto__.pz=1", "prototype.pz=1"])(
    "treats %s as an ordinary name and never touches Object.prototype",
    (body) => {
      const before = prototypeSnapshot();
      const q = nestParams(form(body));
      expect(prototypeSnapshot()).toBe(before);
      expect(({} as Record<string, unknown>).pz).toBeUndefined();
      expect(Object.getPrototypeOf(q.input)).toBeNull();
    },
  );

  it("answers a huge list position at once, without allocating by it", () => {
    const started = performance.now();
    const refused = parseOrRefuse("Action=ListRoles&X.member.4294967295=k");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(isAwsError(refused) && refused.code).toBe("ValidationError");
    expect(isAwsError(refused) && refused.message).toContain(`lists hold at most ${QUERY_LIMITS.listMembers} members`);
  });

  it("keeps sparse positions in order without holes", () => {
    expect(params("TagKeys.member.900=c&TagKeys.member.3=b&TagKeys.member.1=a").input.TagKeys).toEqual(["a", "b", "c"]);
  });

  it("refuses more parameters than the limit before decoding them", () => {
    const body = Array.from({ length: QUERY_LIMITS.parameters + 1 }, (_, i) => `p${i}=1`).join("&");
    const refused = parseOrRefuse(body);
    expect(isAwsError(refused) && refused.message).toBe(
      `The request has ${QUERY_LIMITS.parameters + 1} parameters; at most ${QUERY_LIMITS.parameters} are accepted.`,
    );
  });

  it("refuses a key nested deeper than the limit", () => {
    const refused = parseOrRefuse(`${Array.from({ length: 5000 }, () => "a").join(".")}=1`);
    expect(isAwsError(refused) && refused.code).toBe("ValidationError");
    expect(isAwsError(refused) && refused.message.length).toBeLessThan(400);
  });

  it("handles the most parameters allowed in linear time", () => {
    // Each key repeats: a quadratic "set" would rescan the whole list per key.
    const body = Array.from({ length: QUERY_LIMITS.parameters }, (_, i) => `Tags.member.${(i % 500) + 1}.Key=k${i}`).join("&");
    const started = performance.now();
    nestParams(form(body));
    expect(performance.now() - started).toBeLessThan(500);
  });

  const keyPart = fc.oneof(
    fc.constantFrom("member", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "0", "1", "4294967295", "-1", "1e9", "Tags", "Key", "Value", ""),
    fc.string({ maxLength: 6 }),
    fc.nat({ max: 5000 }).map(String),
  );
  const key = fc.array(keyPart, { minLength: 1, maxLength: 16 }).map((parts) => parts.join("."));
  const encoded = fc.oneof(
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
    fc.constantFrom("%", "%ZZ", "%E0%A4%A", "%C0%AF", "+", "%00", "&", "=", "=="),
    fc.string({ maxLength: 12 }),
  );
  const body = fc.array(fc.tuple(key, encoded), { maxLength: 60 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&"));

  it("never throws past the error boundary and never changes Object.prototype (fuzz)", () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(body, (b) => {
        parseOrRefuse(b);
        expect(prototypeSnapshot()).toBe(before);
        expect(({} as Record<string, unknown>).pz).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("takes time in proportion to the request, whatever its shape (fuzz)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, encoded), { minLength: 1, maxLength: 20 }), (pairs) => {
        // Repeat one random shape up to the parameter limit: a super-linear parser blows the budget.
        const unit = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`);
        const many = Array.from({ length: Math.floor(QUERY_LIMITS.parameters / unit.length) }, () => unit).flat().join("&");
        const started = performance.now();
        parseOrRefuse(many);
        expect(performance.now() - started).toBeLessThan(250);
      }),
      { numRuns: 60 },
    );
  });
});
