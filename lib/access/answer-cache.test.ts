import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache";

/** A made answer: its rows count toward the budget; `made` counts the makes, to see hits from misses. */
const made: string[] = [];
const answer = (key: string, size: number) => () => {
  made.push(key);
  return { key, size };
};

describe("answers kept per index", () => {
  it("keeps an answer for its index and key, and makes it again for another index", () => {
    const cache = new AnswerCache<object, { key: string; size: number }>({ maxEntries: 10, maxRows: 1000 });
    const [before, after] = [{}, {}];
    made.length = 0;
    const first = cache.get(before, "who-can-assume arn:r", answer("a", 5));
    expect(cache.get(before, "who-can-assume arn:r", answer("b", 5))).toBe(first);
    expect(cache.get(before, "can-assume arn:r", answer("c", 5)).key).toBe("c");
    // The store moved on: the next index keeps nothing from the last.
    expect(cache.get(after, "who-can-assume arn:r", answer("d", 5)).key).toBe("d");
    expect(cache.held).toEqual({ entries: 1, rows: 5 });
    expect(made).toEqual(["a", "c", "d"]);
  });

  it("drops the least recently asked first, by entries and by rows", () => {
    const scope = {};
    const byEntries = new AnswerCache<object, { key: string; size: number }>({ maxEntries: 2, maxRows: 1000 });
    byEntries.get(scope, "x", answer("x", 1));
    byEntries.get(scope, "y", answer("y", 1));
    byEntries.get(scope, "x", answer("x2", 1));
    byEntries.get(scope, "z", answer("z", 1));
    made.length = 0;
    expect([byEntries.get(scope, "x", answer("x3", 1)).key, byEntries.get(scope, "y", answer("y2", 1)).key]).toEqual(["x", "y2"]);

    const byRows = new AnswerCache<object, { key: string; size: number }>({ maxEntries: 10, maxRows: 100 });
    byRows.get(scope, "a", answer("a", 40));
    byRows.get(scope, "b", answer("b", 40));
    byRows.get(scope, "c", answer("c", 40));
    expect(byRows.held).toEqual({ entries: 2, rows: 80 });
    expect(byRows.get(scope, "a", answer("a2", 40)).key).toBe("a2");
  });

  it("makes an answer larger than the whole budget for its request without keeping it or dropping others", () => {
    const scope = {};
    const cache = new AnswerCache<object, { key: string; size: number }>({ maxEntries: 10, maxRows: 100 });
    cache.get(scope, "small", answer("small", 10));
    expect(cache.get(scope, "huge", answer("huge", 101)).key).toBe("huge");
    expect(cache.held).toEqual({ entries: 1, rows: 10 });
    expect(cache.get(scope, "huge", answer("huge again", 101)).key).toBe("huge again");
  });
});
