import { describe, expect, it } from "vitest";
import { afterAccountFailure, afterClientFailure, lockRemainingMs, throttledMessage, type ThrottleState } from "./sign-in-throttle";

const t0 = new Date("2026-11-29T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failAccount(times: number, start: ThrottleState | null = null, now = t0) {
  let s = start;
  for (let i = 0; i < times; i++) s = afterAccountFailure(s, now);
  return s!;
}

describe("account throttle", () => {
  it("lets four failures pass and locks for 30 s at the fifth", () => {
    expect(lockRemainingMs(failAccount(4), t0)).toBe(0);
    expect(lockRemainingMs(failAccount(5), t0)).toBe(30_000);
  });

  it("doubles the lock with each later failure, up to 15 minutes", () => {
    expect(lockRemainingMs(failAccount(6), t0)).toBe(60_000);
    expect(lockRemainingMs(failAccount(7), t0)).toBe(120_000);
    expect(lockRemainingMs(failAccount(30), t0)).toBe(15 * 60_000);
  });

  it("ends the lock when its time is up, and forgets failures after a day", () => {
    const s = failAccount(5);
    expect(lockRemainingMs(s, at(30_000))).toBe(0);
    expect(afterAccountFailure(s, at(25 * 60 * 60_000)).failures).toBe(1);
  });
});

describe("client throttle", () => {
  it("locks a client for the rest of its 15-minute window at the 30th failure", () => {
    let s: ThrottleState | null = null;
    for (let i = 0; i < 29; i++) s = afterClientFailure(s, at(i * 1000));
    expect(lockRemainingMs(s, at(29_000))).toBe(0);
    s = afterClientFailure(s, at(29_000));
    expect(lockRemainingMs(s, at(29_000))).toBe(15 * 60_000 - 29_000);
  });

  it("starts a new window after 15 minutes", () => {
    const s = afterClientFailure(afterClientFailure(null, t0), at(15 * 60_000));
    expect(s.failures).toBe(1);
  });
});

it("says how long to wait in words", () => {
  expect(throttledMessage(30_000)).toBe("Too many failed sign-in attempts. Try again in 30 seconds.");
  expect(throttledMessage(61_000)).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
  expect(throttledMessage(60_000)).toBe("Too many failed sign-in attempts. Try again in 1 minute.");
});
