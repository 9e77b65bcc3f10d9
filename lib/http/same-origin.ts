import { AwsError } from "@/lib/domain/errors";

/**
 * Cross-site request forgery defence for the console's JSON routes. The session cookie is SameSite=Lax, which
 * stops other *sites* but not another origin of the same site (another port on localhost, a sibling subdomain):
 * a page there can still POST with the admin's cookie. So every request that changes something must come from
 * the console's own origin:
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin`;
 * - `Origin`, when sent, must be the console's origin (the one the client addressed, or NEXTAUTH_URL's);
 * - a body must be `application/json`, which no HTML form can send and no-cors fetch cannot either.
 * Browsers send `Origin` on every cross-origin POST, PUT, PATCH and DELETE, so a request with neither header
 * comes from a non-browser client (curl, a script), which holds no victim's cookie to abuse.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const refuse = (message: string) => new AwsError("AccessDenied", message, 403);

/** The origins a console request may come from: the address the client used, and the configured public URL. */
export function consoleOrigins(url: URL, headers: Headers, publicUrl = process.env.NEXTAUTH_URL): Set<string> {
  const origins = new Set<string>();
  const host = headers.get("host");
  if (host) origins.add(`${url.protocol}//${host}`);
  origins.add(url.origin);
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {
      // A malformed NEXTAUTH_URL adds nothing; the request's own origin still applies.
    }
  }
  return origins;
}

export function assertSameOrigin(method: string, url: URL, headers: Headers, hasBody: boolean): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin")
    throw refuse(`Console changes must come from the console itself (Sec-Fetch-Site: ${site.slice(0, 32)}).`);
  const origin = headers.get("origin");
  if (origin !== null && !consoleOrigins(url, headers).has(origin))
    throw refuse("Console changes must come from the console's own origin.");
  if (hasBody) {
    const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "application/json") throw refuse("Console changes must be sent as application/json.");
  }
}
