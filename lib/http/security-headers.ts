import headers from "./security-headers.json";

/**
 * Headers every response carries, pages and APIs alike, set in one place (security-headers.json, which next.config.js
 * applies to every path and scripts/server.ts to the AWS API's answers):
 * - framing is refused twice, by the legacy `X-Frame-Options` and by CSP `frame-ancestors`, so the signed-in
 *   console cannot be overlaid by another site (clickjacking);
 * - `nosniff` keeps browsers from reinterpreting a JSON or XML answer as HTML or script;
 * - `Referrer-Policy: same-origin` keeps console URLs (role and user names) from leaking to other sites;
 * - the CSP also pins `base-uri`, `form-action` and `object-src`, which no page of ours needs to widen.
 * Script sources are not restricted here: Next's hydration uses inline scripts, and a nonce-based policy is a
 * larger change than this list.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = headers;
