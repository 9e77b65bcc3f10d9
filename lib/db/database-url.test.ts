import { describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from "./database-url.mjs";

describe("parseDatabaseUrl", () => {
  it("takes file: as the embedded SQLite store", () => {
    expect(parseDatabaseUrl("file:./data/roleplane.db")).toEqual({ kind: "sqlite", url: "file:./data/roleplane.db", file: "./data/roleplane.db" });
  });

  it.each(["postgresql://rp:pw@db.internal:5432/roleplane", "postgres://rp@127.0.0.1/roleplane?sslmode=require", "postgresql:///roleplane?host=/var/run/postgresql"])(
    "takes %s as PostgreSQL",
    (url) => {
      expect(parseDatabaseUrl(url)).toEqual({ kind: "postgres", url });
    },
  );

  it.each([
    ["mysql://root:hunter2@db/roleplane", /unsupported scheme "mysql:"/],
    ["./data/roleplane.db", /no scheme \(for a SQLite file write file:<path>\)/],
    ["", /is empty/],
    ["file:", /names no file/],
    ["postgresql://rp:hunter2@db.internal:5432", /names no PostgreSQL database/],
    ["postgresql://", /names no PostgreSQL host|not a valid PostgreSQL URL/],
  ])("refuses %j, naming DATABASE_URL and the schemes it accepts", (url, problem) => {
    const err = (() => {
      try {
        parseDatabaseUrl(url);
      } catch (e) {
        return e as Error;
      }
      throw new Error("accepted");
    })();
    expect(err).toBeInstanceOf(DatabaseUrlError);
    expect(err.message).toMatch(/^DATABASE_URL /);
    expect(err.message).toMatch(problem);
    expect(err.message).toContain("file:<path>");
    expect(err.message).toContain("postgresql://");
    expect(err.message).not.toContain("hunter2");
  });

  it("masks the password when a URL is shown", () => {
    expect(redactDatabaseUrl("postgresql://rp:s3cr:et@db:5432/x")).toBe("postgresql://rp:***@db:5432/x");
    expect(redactDatabaseUrl("postgresql://rp@db/x")).toBe("postgresql://rp@db/x");
  });
});
