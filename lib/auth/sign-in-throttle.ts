/**
 * How failed console sign-ins are throttled. Pure: the caller loads and saves the state.
 *
 * - Per account (the email typed, whether or not such a user exists, so a lock reveals nothing): four failures
 *   in a row pass; the fifth locks the email for 30 s, and each later failure doubles the
 *   lock, up to 15 minutes. A successful sign-in clears it.
 * - Per client address: 30 failures within 15 minutes lock that address until the 15 minutes are over, across
 *   every email it tries, so one client cannot spread a guessing run over many accounts. Success does not clear it.
 * While locked, the password is not checked at all, so a right guess during a lock teaches nothing.
 */
export const SIGN_IN_THROTTLE = {
  account: { freeFailures: 4, firstLockMs: 30_000, maxLockMs: 15 * 60_000, forgetAfterMs: 24 * 60 * 60_000 },
  client: { failures: 30, windowMs: 15 * 60_000 },
} as const;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const clientKey = (address: string) => `client:${address}`;

/** Milliseconds left on a lock, 0 when not locked. */
export function lockRemainingMs(state: ThrottleState | null | undefined, now: Date): number {
  const until = state?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, until - now.getTime());
}

export function afterAccountFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState {
  const { freeFailures, firstLockMs, maxLockMs, forgetAfterMs } = SIGN_IN_THROTTLE.account;
  const fresh = !state || now.getTime() - state.windowStart.getTime() > forgetAfterMs;
  const failures = (fresh ? 0 : state.failures) + 1;
  const over = failures - freeFailures;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(firstLockMs * 2 ** Math.min(over - 1, 20), maxLockMs)) : null;
  return { failures, windowStart: fresh ? now : state.windowStart, lockedUntil };
}

export function afterClientFailure(state: ThrottleState | null | undefined, now: Date): ThrottleState {
  const { failures: limit, windowMs } = SIGN_IN_THROTTLE.client;
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= windowMs;
  const windowStart = fresh ? now : state.windowStart;
  const failures = (fresh ? 0 : state.failures) + 1;
  return { failures, windowStart, lockedUntil: failures >= limit ? new Date(windowStart.getTime() + windowMs) : null };
}

/** The words the sign-in form shows; the same for an account lock and a client lock. */
export function throttledMessage(remainingMs: number): string {
  const seconds = Math.ceil(remainingMs / 1000);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`;
  return `Too many failed sign-in attempts. Try again in ${wait}.`;
}
