import { describe, expect, it } from "vitest";
import { formatPolicy } from "./format-policy";

describe("formatPolicy", () => {
  it("pretty-prints with two spaces", () => {
    const r = formatPolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Principal":{}}]}');
    expect(r).toEqual({
      ok: true,
      text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [],\n      "Principal": {}\n    }\n  ]\n}',
    });
  });

  it("keeps duplicate keys and numbers as written", () => {
    const r = formatPolicy('{"Sid":"a","Sid":"b","Condition":{"NumericEquals":{"k":1.0}}}');
    expect(r.ok && r.text).toContain('"Sid": "a",\n  "Sid": "b"');
    expect(r.ok && r.text).toContain('"k": 1.0');
  });

  it("refuses invalid JSON and says where", () => {
    expect(formatPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [\n}')).toEqual({ ok: false, reason: expect.stringMatching(/line 4/) });
    expect(formatPolicy('{"a":1} trailing')).toMatchObject({ ok: false });
    expect(formatPolicy("   ")).toMatchObject({ ok: false });
  });

  it("is idempotent", () => {
    const once = formatPolicy('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}');
    expect(once.ok).toBe(true);
    if (once.ok) expect(formatPolicy(once.text)).toEqual(once);
  });
});
