import type { JSONWebKeySet } from "jose";
import { parseJwks } from "./jwks";

/**
 * Fetching an issuer's signing keys over the network, as AWS does: the OpenID Connect discovery document at
 * `<issuer>/.well-known/openid-configuration` names the `jwks_uri` (OpenID Connect Discovery 1.0, section 4).
 * Best effort: a short timeout, bounded bodies, https only, and a reason instead of an exception when it fails —
 * Roleplane often runs where no outside network exists, and an uploaded JWKS needs none.
 */

export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: "error"; headers: Record<string, string> }) => Promise<Response>;

export interface DiscoveryOptions {
  timeoutMs?: number;
  /** The HTTP client; tests pass one that reaches a local server. */
  fetchImpl?: FetchLike;
}

export type DiscoveredKeys = { ok: true; jwks: JSONWebKeySet; jwksUri: string } | { ok: false; reason: string };

const MAX_BODY_BYTES = 256 * 1024;
export const DISCOVERY_TIMEOUT_MS = 3000;

async function readJson(fetchImpl: FetchLike, url: string, signal: AbortSignal): Promise<unknown> {
  const res = await fetchImpl(url, { signal, redirect: "error", headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new Error(`${url} answered with more than ${MAX_BODY_BYTES} bytes`);
  const reader = res.body?.getReader();
  if (!reader) throw new Error(`${url} answered with no body`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`${url} answered with more than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
}

/** fetch() says only "fetch failed"; the cause says why (ENOTFOUND, ECONNREFUSED, a certificate error). */
function describeFailure(e: Error): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${e.message} (${cause.code ?? cause.message ?? "no detail"})` : e.message;
}

export async function discoverJwks(issuerUrl: string, options: DiscoveryOptions = {}): Promise<DiscoveredKeys> {
  const fetchImpl = options.fetchImpl ?? (fetch as FetchLike);
  const signal = AbortSignal.timeout(options.timeoutMs ?? DISCOVERY_TIMEOUT_MS);
  const base = issuerUrl.replace(/\/+$/, "");
  try {
    const config = await readJson(fetchImpl, `${base}/.well-known/openid-configuration`, signal);
    const jwksUri = typeof config === "object" && config !== null ? (config as { jwks_uri?: unknown }).jwks_uri : undefined;
    if (typeof jwksUri !== "string" || !jwksUri.startsWith("https://")) return { ok: false, reason: "the discovery document names no https jwks_uri" };
    const jwks = parseJwks(JSON.stringify(await readJson(fetchImpl, jwksUri, signal)));
    return jwks.ok ? { ok: true, jwks: jwks.jwks, jwksUri } : { ok: false, reason: jwks.reason };
  } catch (e) {
    const reason = e instanceof Error ? (e.name === "TimeoutError" || e.name === "AbortError" ? `no answer within ${options.timeoutMs ?? DISCOVERY_TIMEOUT_MS} ms` : describeFailure(e)) : String(e);
    return { ok: false, reason: `${base} could not be reached: ${reason}` };
  }
}
