import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "./test-db";
import { getDb } from "./client";
import { recordIssuedSession, type IssuedSessionRows } from "./issued-sessions";
import { findSession } from "./sts-sessions";
import { listAuditEventRows } from "./audit";

beforeAll(useFreshTestDb);

const rows = (i: number): IssuedSessionRows => ({
  session: {
    id: `ASIATESTGROUP${String(i).padStart(7, "0")}`,
    kind: "AssumeRole",
    accountId: "111111111111",
    roleId: "AROATESTROLE000000001",
    roleArn: "arn:aws:iam::111111111111:role/r",
    sessionName: `s${i}`,
    userId: null,
    arn: `arn:aws:sts::111111111111:assumed-role/r/s${i}`,
    callerArn: "arn:aws:iam::111111111111:user/u",
    callerAccountId: "111111111111",
    sourceIdentity: i % 2 ? "alice" : null,
    tags: [{ Key: "team", Value: "blue" }],
    transitiveTagKeys: ["team"],
    policy: null,
    policyArns: [],
    packedPolicySize: 3,
    mfaAuthenticated: i % 2 === 1,
    mfaAuthenticatedAt: i % 2 ? new Date("2026-11-29T10:00:00.250Z") : null,
    chained: false,
    region: "eu-west-1",
    issuedAt: new Date("2026-11-29T10:00:01Z"),
    expiresAt: new Date("2026-11-29T11:00:01Z"),
    revokedAt: null,
    secretEncrypted: "v1:sealed",
  },
  audit: { time: new Date("2026-11-29T10:00:01.437Z"), accountId: "111111111111", actor: "arn:aws:iam::111111111111:user/u", action: "AssumeRole", target: "arn:aws:iam::111111111111:role/r", outcome: "Success", source: "api", requestId: `req-${i}`, details: { sessionName: `s${i}` } },
});

describe("issued sessions, committed in groups", () => {
  it("writes every session of a burst, readable through the ORM exactly as written", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordIssuedSession(rows(i))));
    for (const i of [0, 1, 19]) {
      const { secretEncrypted: _secret, ...expected } = rows(i).session;
      expect(await findSession(getDb(), expected.id)).toEqual(expected);
    }
    const events = await listAuditEventRows(getDb(), { target: "arn:aws:iam::111111111111:role/r", limit: 100 });
    expect(events).toHaveLength(20);
    expect(events[0].details).toMatchObject({ sessionName: expect.stringMatching(/^s\d+$/) });
    // The event keeps the answer's own time, to the millisecond; the session's issuedAt is whole seconds.
    expect(events.map((e) => e.time.toISOString())).toContain("2026-11-29T10:00:01.437Z");
  });

  it("fails a group as a whole, leaving nothing of it", async () => {
    const dup = rows(0);
    const results = await Promise.allSettled([recordIssuedSession(rows(40)), recordIssuedSession(dup)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await findSession(getDb(), rows(40).session.id)).toBeNull();
  });
});
