/** Where the console goes after sign-in when no (acceptable) callbackUrl was given. */
export const DEFAULT_AFTER_SIGN_IN = "/roles";

// A stand-in origin: resolving against it tells same-origin paths from everything else without knowing the
// console's real address. `.invalid` is reserved and never resolves (RFC 2606).
const PROBE_ORIGIN = "https://console.invalid";

/**
 * The path to follow after sign-in, or the default. The value is resolved with the URL parser, exactly as the
 * browser will resolve it, and kept only when it stays on the console's own origin: `/\evil.example`,
 * `/%09/evil.example`, `//evil.example` and `https://evil.example` all leave it, since the parser folds
 * backslashes into slashes and drops tabs and newlines before it reads the host.
 */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== PROBE_ORIGIN) return DEFAULT_AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//host" would be read as scheme-relative when the browser is sent to it.
  if (path.startsWith("//") || path.startsWith("/login")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}
