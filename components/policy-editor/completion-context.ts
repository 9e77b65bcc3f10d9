/**
 * Where the cursor is in a policy being typed, for completion. A small JSON scanner rather than a parser:
 * while someone types, the document is rarely valid JSON, yet the path to the cursor
 * (`Statement[0].Principal.Service`) and whether a key or a value is expected are still clear.
 */

export type PathPart = string | number;

export interface PolicyCursorContext {
  /** A member name is expected at the cursor, or a value. */
  slot: "key" | "value";
  /**
   * For a key: the path of the object the key goes into (`["Statement", 0]`).
   * For a value: the path of the member whose value it is. Array items keep the member's path
   * (`["Statement", 0, "Action"]`), since `"Action": "x"` and `"Action": ["x"]` complete alike.
   */
  path: PathPart[];
  /** Range to replace: the string's contents when inside quotes, else the bare word at the cursor. */
  from: number;
  to: number;
  /** True inside a string literal (completions then insert no quotes). */
  inString: boolean;
  /** What was typed between `from` and the cursor. */
  typed: string;
  /** Member names already present in the object (for a key), so completion can leave them out. */
  siblingKeys: string[];
  /** Action/NotAction strings of the statement around the cursor, wherever they appear in it. */
  statementActions: string[];
}

type Expect = "key" | "colon" | "value" | "comma";

interface Frame {
  type: "object" | "array";
  /** How the parent reaches this container: a member name or an array index (none for the root). */
  part?: PathPart;
  expect: Expect;
  /** Object: the member being read; array: the index of the item being read. */
  key?: string;
  index: number;
  keys: string[];
}

const WORD = /[^\s{}[\]:,"]/;

/** The context at `pos`, or null where nothing can be completed (after a complete value or key, in a number). */
export function policyContextAt(text: string, pos: number): PolicyCursorContext | null {
  const stack: Frame[] = [];
  let rootExpect: Expect = "value";
  let found: PolicyCursorContext | null | undefined;
  const actionsByStatement = new Map<string, string[]>();

  const top = () => stack[stack.length - 1];
  const expecting = (): Expect => top()?.expect ?? rootExpect;
  const setExpect = (e: Expect) => {
    const t = top();
    if (t) t.expect = e;
    else rootExpect = e;
  };
  const containerPath = () => stack.filter((f) => f.part !== undefined).map((f) => f.part!);
  const valuePath = () => {
    const t = top();
    return t?.type === "object" && t.key !== undefined ? [...containerPath(), t.key] : containerPath();
  };
  const capture = (from: number, to: number, inString: boolean) => {
    const e = expecting();
    if (e !== "key" && e !== "value") {
      found = null;
      return;
    }
    const t = top();
    found = {
      slot: e,
      path: e === "key" ? containerPath() : valuePath(),
      from,
      to,
      inString,
      typed: text.slice(from, Math.min(pos, to)),
      siblingKeys: t?.type === "object" ? [...t.keys] : [],
      statementActions: [],
    };
  };
  /** A key string or bare word completed a member name, or a value completed an item. */
  const afterToken = (token: string) => {
    const e = expecting();
    const t = top();
    if (e === "key" && t) {
      t.key = token;
      t.keys.push(token);
      t.expect = "colon";
    } else if (e === "value") {
      const p = valuePath();
      const sk = statementOf(p);
      if (sk && (p.at(-1) === "Action" || p.at(-1) === "NotAction") && p.length === (sk === "s" ? 2 : 3)) {
        actionsByStatement.set(sk, [...(actionsByStatement.get(sk) ?? []), token]);
      }
      setExpect("comma");
    }
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\n" || c === "\r" || c === "\t") {
      i++;
      continue;
    }
    if (found === undefined && i >= pos) capture(pos, pos, false);
    if (c === '"') {
      const start = i;
      let j = i + 1;
      let value = "";
      while (j < n && text[j] !== '"' && text[j] !== "\n") {
        if (text[j] === "\\" && j + 1 < n) {
          value += text[j + 1];
          j += 2;
        } else value += text[j++];
      }
      const closed = j < n;
      const contentEnd = j;
      if (found === undefined && pos > start && pos <= contentEnd) capture(start + 1, contentEnd, true);
      afterToken(value);
      i = closed && text[j] === '"' ? j + 1 : j;
      continue;
    }
    if (c === "{" || c === "[") {
      const t = top();
      const part = t ? (t.type === "object" ? t.key : t.index) : undefined;
      stack.push({ type: c === "{" ? "object" : "array", part, expect: c === "{" ? "key" : "value", index: 0, keys: [] });
    } else if (c === "}" || c === "]") {
      stack.pop();
      setExpect("comma");
    } else if (c === ":") {
      if (expecting() === "colon") setExpect("value");
    } else if (c === ",") {
      const t = top();
      if (t?.type === "object") {
        t.expect = "key";
        t.key = undefined;
      } else if (t) {
        t.expect = "value";
        t.index++;
      }
    } else {
      const start = i;
      while (i < n && WORD.test(text[i])) i++;
      if (i === start) i++;
      const word = text.slice(start, i);
      if (found === undefined && pos >= start && pos <= i) {
        // A number or literal is complete as typed; a bare word is something being typed without quotes.
        if (/^-?\d/.test(word) || word === "true" || word === "false" || word === "null") found = null;
        else capture(start, i, false);
      }
      afterToken(word);
      continue;
    }
    i++;
  }
  if (found === undefined) capture(pos, pos, false);
  if (!found) return null;
  const sk = statementOf(found.path);
  found.statementActions = sk ? (actionsByStatement.get(sk) ?? []) : [];
  return found;
}

/** Which statement a path is in: `s0`, `s1`… for `Statement: [...]`, `s` for a single `Statement: {...}`. */
function statementOf(path: PathPart[]): string | undefined {
  if (path[0] !== "Statement" || path.length < 2) return undefined;
  return typeof path[1] === "number" ? `s${path[1]}` : "s";
}
