/**
 * The address of the client behind a request. Next.js keeps an X-Forwarded-For header the client sent, so trusting
 * it would let anyone pick their own address (and dodge sign-in throttling, or satisfy an `aws:SourceIp`
 * condition). Roleplane's server therefore replaces the header with the address it trusts: the socket's peer,
 * or, when the operator says N proxies stand in front (ROLEPLANE_TRUSTED_PROXY_HOPS), the address the N-th
 * proxy saw, counted from the right of the chain, where each proxy appends the peer it saw.
 */
export function trustedClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string | undefined {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...chain, ...(socketAddress ? [socketAddress] : [])];
  if (hops.length === 0) return undefined;
  return hops[Math.max(0, hops.length - 1 - trustedHops)];
}

/** ROLEPLANE_TRUSTED_PROXY_HOPS: how many reverse proxies stand in front of this server (default 0). */
export function trustedProxyHops(raw = process.env.ROLEPLANE_TRUSTED_PROXY_HOPS): number {
  if (raw === undefined || raw === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`ROLEPLANE_TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got '${raw}'.`);
  return n;
}
