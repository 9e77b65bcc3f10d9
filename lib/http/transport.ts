/**
 * The few parts of an HTTP exchange the AWS endpoint needs, so the same handler serves both doors: Next's route
 * handler (web Request/Response) and the production server's lean node:http path for `/api/aws`.
 */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

export interface HttpRequestLike {
  method: string;
  url: URL;
  headers: HeaderReader;
  /** Reads the body, refusing it past `limit` bytes (see ./body). */
  readBody(limit: number): Promise<Uint8Array>;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Node's header object (lower-case names, repeated headers as arrays) read like web Headers. */
export function nodeHeaders(raw: Record<string, string | string[] | undefined>): HeaderReader {
  return {
    get(name) {
      const v = raw[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
    has(name) {
      return raw[name.toLowerCase()] !== undefined;
    },
  };
}
