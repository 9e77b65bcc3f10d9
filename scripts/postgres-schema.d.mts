export declare const sqliteSchemaPath: string;
export declare const postgresSchemaPath: string;
export declare function postgresSchema(sqliteSchema: string): string;
export declare function writePostgresSchema(): boolean;
