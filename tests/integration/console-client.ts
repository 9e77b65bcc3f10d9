import { inject } from "vitest";

/**
 * A console user's HTTP session against the running server: signs in through next-auth's credentials flow
 * (CSRF token, then the callback) and keeps the session cookie, as a browser would.
 */
export class ConsoleClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl = inject("baseUrl")) {}

  static async signIn(email: string, password: string, baseUrl = inject("baseUrl")): Promise<ConsoleClient> {
    const c = new ConsoleClient(baseUrl);
    const csrf = (await (await c.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await c.request("POST", "/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    });
    if (![200, 302].includes(res.status)) throw new Error(`sign-in answered ${res.status}`);
    if (![...c.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in refused for ${email}`);
    return c;
  }

  /** Sets a cookie as the browser would keep it, e.g. the account switcher's `rp-account`. */
  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  /** The Cookie header this client sends, to replay it elsewhere. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The same signed-in session sent to another server (another instance behind the same load balancer). */
  at(baseUrl: string): ConsoleClient {
    const c = new ConsoleClient(baseUrl);
    c.cookies = new Map(this.cookies);
    return c;
  }

  async request(
    method: string,
    path: string,
    opts: { json?: unknown; form?: Record<string, string>; body?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.body !== undefined) body = opts.body;
    Object.assign(headers, opts.headers);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }

  async json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request(method, path, body === undefined ? {} : { json: body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

export const ec2Trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
