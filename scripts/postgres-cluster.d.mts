export declare function findPostgresBin(): string | null;
export declare function freePort(): Promise<number>;
export declare function startPostgresCluster(options?: { port?: number }): Promise<{ url: string; port: number; stop: () => void }>;
export declare function databaseUrlFor(serverUrl: string, name: string): string;
export declare function createDatabase(serverUrl: string, name: string): Promise<string>;
export declare function dropDatabase(serverUrl: string, name: string): Promise<void>;
