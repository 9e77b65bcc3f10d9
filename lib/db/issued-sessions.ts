import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { databaseUrl } from "@/lib/config";
import type { StsSession } from "@/lib/domain/sts-types";
import type { AuditEventInput } from "@/lib/domain/types";
import { getDb } from "./client";
import { parseDatabaseUrl } from "./database-url.mjs";
import { sessionColumns } from "./sts-sessions";

/**
 * Issued STS sessions and their audit events: the one write on the hot path of every client that assumes roles.
 * Each is durable before its caller answers, but writes arriving together are committed together (group commit):
 * the requests of one turn of the event loop share one transaction, so the cost of a commit is paid once per group
 * rather than once per assume. On SQLite the group is written with prepared statements on a connection of this
 * module's own (microseconds a row, where the ORM spends most of a millisecond); other stores take the ORM's
 * batched inserts. Either way a group is all or nothing.
 */

export interface IssuedSessionRows {
  session: StsSession & { secretEncrypted: string };
  /** `time`: when the request was answered (the session's issuedAt is whole seconds, as aws:TokenIssueTime is). */
  audit: AuditEventInput & { time: Date };
}

interface Pending {
  rows: IssuedSessionRows;
  done: (error?: unknown) => void;
}

let queue: Pending[] = [];
let scheduled = false;

export function recordIssuedSession(rows: IssuedSessionRows): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ rows, done: (e) => (e ? reject(e) : resolve()) });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

async function flush(): Promise<void> {
  const group = queue;
  queue = [];
  scheduled = false;
  try {
    await writer().write(group.map((p) => p.rows));
    for (const p of group) p.done();
  } catch (e) {
    for (const p of group) p.done(e);
  }
}

interface GroupWriter {
  write(rows: IssuedSessionRows[]): Promise<void>;
}

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit +00:00 offset and booleans as 0/1; rows
// written here must read back through it exactly alike.
const sqliteDate = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);

function sqliteWriter(file: string): GroupWriter {
  const db = new Database(file, { fileMustExist: true });
  db.pragma("busy_timeout = 10000");
  const insertSession = db.prepare(
    `INSERT INTO "StsSession" ("id","kind","accountId","roleId","roleArn","sessionName","userId","arn","callerArn","callerAccountId",
      "sourceIdentity","tags","transitiveTagKeys","policy","policyArns","packedPolicySize","mfaAuthenticated","mfaAuthenticatedAt","chained",
      "secretEncrypted","region","issuedAt","expiresAt","revokedAt")
     VALUES (@id,@kind,@accountId,@roleId,@roleArn,@sessionName,@userId,@arn,@callerArn,@callerAccountId,@sourceIdentity,@tags,
      @transitiveTagKeys,@policy,@policyArns,@packedPolicySize,@mfaAuthenticated,@mfaAuthenticatedAt,@chained,@secretEncrypted,@region,
      @issuedAt,@expiresAt,@revokedAt)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO "AuditEvent" ("id","time","accountId","actor","action","target","outcome","errorCode","reason","source","requestId","details")
     VALUES (@id,@time,@accountId,@actor,@action,@target,@outcome,@errorCode,@reason,@source,@requestId,@details)`,
  );
  const writeAll = db.transaction((rows: IssuedSessionRows[]) => {
    for (const { session: s, audit: a } of rows) {
      insertSession.run({
        ...sessionColumns(s),
        mfaAuthenticated: s.mfaAuthenticated ? 1 : 0,
        chained: s.chained ? 1 : 0,
        mfaAuthenticatedAt: sqliteDate(s.mfaAuthenticatedAt),
        issuedAt: sqliteDate(s.issuedAt),
        expiresAt: sqliteDate(s.expiresAt),
        revokedAt: sqliteDate(s.revokedAt),
      });
      insertAudit.run({
        id: randomUUID(),
        time: sqliteDate(a.time),
        accountId: a.accountId,
        actor: a.actor,
        action: a.action,
        target: a.target,
        outcome: a.outcome,
        errorCode: a.errorCode ?? null,
        reason: a.reason ?? null,
        source: a.source,
        requestId: a.requestId ?? null,
        details: a.details ? JSON.stringify(a.details) : null,
      });
    }
  });
  return { write: async (rows) => writeAll(rows) };
}

function ormWriter(): GroupWriter {
  return {
    async write(rows) {
      const db = getDb();
      await db.$transaction([
        db.stsSession.createMany({ data: rows.map(({ session }) => sessionColumns(session)) }),
        db.auditEvent.createMany({
          data: rows.map(({ audit: { details, ...a } }) => ({ id: randomUUID(), ...a, details: details ? JSON.stringify(details) : null })),
        }),
      ]);
    },
  };
}

let current: GroupWriter | undefined;

function writer(): GroupWriter {
  const store = parseDatabaseUrl(databaseUrl());
  return (current ??= store.kind === "sqlite" ? sqliteWriter(store.file) : ormWriter());
}
