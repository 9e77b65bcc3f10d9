import type { Position, Span } from "./types";

/**
 * Maps offsets to line/column. Line breaks are `\n`, `\r\n` and a lone `\r` — the same rule editors
 * (CodeMirror, Monaco) use, so a span we report lands where the user sees it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1, offset: o };
  }

  span(start: number, end: number): Span {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }
}

/** Line/column of an offset in `text` (convenience for callers and tests). */
export function positionAt(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}
