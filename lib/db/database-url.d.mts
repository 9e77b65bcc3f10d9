/** Where the store lives: a SQLite file (the embedded default) or a PostgreSQL database. */
export type StoreLocation = { kind: "sqlite"; url: string; file: string } | { kind: "postgres"; url: string };

export declare class DatabaseUrlError extends Error {
  constructor(problem: string);
}

export declare function redactDatabaseUrl(value: string): string;
export declare function defaultDatabaseUrl(dataDir: string): string;
export declare function parseDatabaseUrl(value: string | undefined): StoreLocation;
