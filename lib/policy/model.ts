/**
 * The typed policy model: every element keeps its JSON member, span and JSON path. Building it also
 * checks the policy grammar, because only the grammar decides what can be read into the model.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { IamStage, Reporter, SYNTAX_ERRORS, LEGACY_PARSING } from "./findings";
import type { JsonMember, JsonNode, JsonObject, ParsedJson } from "./parse";

import type { StringItem, ListElement, PrincipalEntry, PrincipalElement, ConditionValue, ConditionElement, StatementModel, PolicyModel } from "./model-types";
export type { StringItem, ListElement, PrincipalEntry, PrincipalElement, ConditionValue, ConditionEntry, ConditionElement, StatementModel, PolicyModel } from "./model-types";

/** The condition operators of the policy language, without qualifier or IfExists. */
export const CONDITION_OPERATORS = new Set([
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
  "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
  "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
  "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
  "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
]);

const TOP_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set([
  "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
]);
export const VALID_VERSIONS = ["2012-10-17", "2008-10-17"];

/** `a.b` for identifier-like keys, `a["x:y"]` otherwise, so every path reads back unambiguously. */
export function childPath(parent: string, key: string): string {
  const seg = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
  if (!parent) return seg;
  return seg.startsWith('"') ? `${parent}[${seg}]` : `${parent}.${seg}`;
}

const typeName = (n: JsonNode): string =>
  ({ object: "Object", array: "Array", string: "String", number: "Number", boolean: "Boolean", null: "Null" })[n.type];

/**
 * Builds the model and reports grammar findings. Returns null only when the document is not an
 * object at all.
 */
export function readPolicy(parsed: ParsedJson, r: Reporter): PolicyModel | null {
  const root = parsed.root;
  if (!root) return null;
  reportDuplicateKeys(root, "", r);
  if (root.type !== "object") {
    r.add("DATA_TYPE_MISMATCH", `The text does not match the expected JSON data type Object.`, "", root.span, {
      iam: [IamStage.Syntax, SYNTAX_ERRORS],
    });
    return null;
  }
  const model: PolicyModel = { root, statements: [] };
  for (const m of root.members) {
    if (!TOP_ELEMENTS.has(m.key)) {
      r.add("INVALID_POLICY_ELEMENT", `The policy element ${m.key} is not valid.`, m.key, m.keySpan, {
        iam: [IamStage.Syntax, SYNTAX_ERRORS],
      });
    }
  }
  const version = last(root, "Version");
  if (version) {
    const v = expectString(version, "Version", r);
    if (v !== undefined) {
      model.version = { value: v, span: version.value.span, path: "Version" };
      if (!VALID_VERSIONS.includes(v)) {
        r.add(
          "INVALID_VERSION",
          `The version ${v} is not valid. Use one of the following versions: ${VALID_VERSIONS.join(", ")}`,
          "Version",
          version.value.span,
          { iam: [IamStage.Syntax, SYNTAX_ERRORS] },
        );
      }
    }
  }
  const id = last(root, "Id");
  if (id) expectString(id, "Id", r);

  const st = last(root, "Statement");
  model.statementMember = st;
  if (!st) {
    r.add("MISSING_STATEMENT", "Add a statement to the policy.", "", root.span, { iam: [IamStage.Syntax, SYNTAX_ERRORS] });
    return model;
  }
  if (st.value.type === "object") {
    model.statements.push(readStatement(st.value, 0, "Statement", r));
  } else if (st.value.type === "array") {
    if (st.value.items.length === 0) {
      r.add("MISSING_STATEMENT", "Add a statement to the policy.", "Statement", st.value.span, {
        iam: [IamStage.Syntax, SYNTAX_ERRORS],
      });
    }
    st.value.items.forEach((item, i) => {
      const path = `Statement[${i}]`;
      if (item.type === "object") model.statements.push(readStatement(item, i, path, r));
      else mismatch(item, path, "Object", r);
    });
  } else {
    mismatch(st.value, "Statement", "Array", r);
  }
  return model;
}

function readStatement(node: JsonObject, index: number, path: string, r: Reporter): StatementModel {
  const s: StatementModel = { index, path, node };
  for (const m of node.members) {
    if (!STATEMENT_ELEMENTS.has(m.key)) {
      r.add("INVALID_POLICY_ELEMENT", `The policy element ${m.key} is not valid.`, childPath(path, m.key), m.keySpan, {
        iam: [IamStage.Syntax, SYNTAX_ERRORS],
      });
    }
  }
  for (const [a, b] of [["Action", "NotAction"], ["Resource", "NotResource"], ["Principal", "NotPrincipal"]]) {
    const mb = last(node, b);
    if (last(node, a) && mb) {
      r.add(
        "UNSUPPORTED_ELEMENT_COMBINATION",
        `The policy elements ${a} and ${b} can not be used in the same statement. Remove one of these elements.`,
        childPath(path, b),
        mb.keySpan,
        { iam: [IamStage.Syntax, SYNTAX_ERRORS] },
      );
    }
  }
  const sid = last(node, "Sid");
  if (sid) {
    const v = expectString(sid, childPath(path, "Sid"), r);
    if (v !== undefined) s.sid = { value: v, span: sid.value.span, path: childPath(path, "Sid") };
  }
  const effect = last(node, "Effect");
  if (!effect) {
    r.add("MISSING_EFFECT", "Add an Effect element to the policy statement with a value of Allow or Deny.", path, node.span, {
      iam: [IamStage.Syntax, SYNTAX_ERRORS],
    });
  } else {
    const ePath = childPath(path, "Effect");
    const v = expectString(effect, ePath, r);
    if (v !== undefined) {
      s.effect = { value: v, span: effect.value.span, path: ePath };
      if (v !== "Allow" && v !== "Deny") {
        // IAM's grammar check ignores case ("aLLow" passes it) but its legacy parser does not.
        const caseOnly = v.toLowerCase() === "allow" || v.toLowerCase() === "deny";
        r.add("INVALID_EFFECT", `The effect ${v} is not valid. Use Allow or Deny.`, ePath, effect.value.span, {
          iam: caseOnly ? [IamStage.Legacy, LEGACY_PARSING] : [IamStage.Syntax, SYNTAX_ERRORS],
        });
      }
    }
  }
  s.action = readList(node, "Action", path, r);
  s.notAction = readList(node, "NotAction", path, r);
  s.resource = readList(node, "Resource", path, r);
  s.notResource = readList(node, "NotResource", path, r);
  s.principal = readPrincipal(node, "Principal", path, r);
  s.notPrincipal = readPrincipal(node, "NotPrincipal", path, r);
  s.condition = readCondition(node, path, r);
  return s;
}

function readList(node: JsonObject, name: string, parent: string, r: Reporter): ListElement | undefined {
  const m = last(node, name);
  if (!m) return undefined;
  const path = childPath(parent, name);
  const items: StringItem[] = [];
  if (m.value.type === "string") {
    items.push({ value: m.value.value, span: m.value.span, path });
    return { name, member: m, path, isArray: false, items };
  }
  if (m.value.type !== "array") {
    mismatch(m.value, path, "Array", r);
    return undefined;
  }
  m.value.items.forEach((it, i) => {
    if (it.type === "string") items.push({ value: it.value, span: it.span, path: `${path}[${i}]` });
    else mismatch(it, `${path}[${i}]`, "String", r);
  });
  return { name, member: m, path, isArray: true, items };
}

function readPrincipal(
  node: JsonObject,
  name: "Principal" | "NotPrincipal",
  parent: string,
  r: Reporter,
): PrincipalElement | undefined {
  const m = last(node, name);
  if (!m) return undefined;
  const path = childPath(parent, name);
  if (m.value.type === "string") {
    if (m.value.value !== "*") {
      r.add(
        "INVALID_PRINCIPAL_FORMAT",
        "The Principal element contents are not valid. Specify a key-value pair in the Principal element.",
        path,
        m.value.span,
        { iam: [IamStage.Syntax, SYNTAX_ERRORS] },
      );
    }
    return { name, member: m, path, wildcard: m.value.value === "*", entries: [] };
  }
  if (m.value.type !== "object") {
    mismatch(m.value, path, "Object", r);
    return undefined;
  }
  const entries: PrincipalEntry[] = [];
  for (const e of m.value.members) {
    const ePath = childPath(path, e.key);
    const items: StringItem[] = [];
    if (e.value.type === "string") items.push({ value: e.value.value, span: e.value.span, path: ePath });
    else if (e.value.type === "array") {
      e.value.items.forEach((it, i) => {
        if (it.type === "string") items.push({ value: it.value, span: it.span, path: `${ePath}[${i}]` });
        else mismatch(it, `${ePath}[${i}]`, "String", r);
      });
    } else {
      mismatch(e.value, ePath, "Array", r);
      continue;
    }
    entries.push({ key: e.key, keySpan: e.keySpan, path: ePath, isArray: e.value.type === "array", items });
  }
  return { name, member: m, path, wildcard: false, entries };
}

function readCondition(node: JsonObject, parent: string, r: Reporter): ConditionElement | undefined {
  const m = last(node, "Condition");
  if (!m) return undefined;
  const path = childPath(parent, "Condition");
  if (m.value.type !== "object") {
    mismatch(m.value, path, "Object", r);
    return undefined;
  }
  const el: ConditionElement = { member: m, path, entries: [], emptyOperators: [] };
  for (const op of m.value.members) {
    const opPath = childPath(path, op.key);
    const parsed = splitOperator(op.key);
    if (op.value.type !== "object") {
      mismatch(op.value, opPath, "Object", r);
      continue;
    }
    if (!parsed.known) {
      // IAM ignores an unknown operator with an empty block, but refuses one that holds keys.
      r.add("INVALID_CONDITION_OPERATOR", `The condition operator ${op.key} is not valid. Use a valid condition operator.`, opPath, op.keySpan, {
        iam: op.value.members.length > 0 ? [IamStage.Syntax, SYNTAX_ERRORS] : undefined,
      });
    }
    if (op.value.members.length === 0) el.emptyOperators.push({ operator: op.key, span: op.keySpan, path: opPath });
    for (const kv of op.value.members) {
      const kPath = childPath(opPath, kv.key);
      const values: ConditionValue[] = [];
      const pushScalar = (n: JsonNode, p: string): void => {
        if (n.type === "string") values.push({ value: n.value, jsonType: "string", span: n.span, path: p });
        else if (n.type === "number") values.push({ value: n.raw, jsonType: "number", span: n.span, path: p });
        else if (n.type === "boolean") values.push({ value: String(n.value), jsonType: "boolean", span: n.span, path: p });
        else mismatch(n, p, "String", r);
      };
      if (kv.value.type === "array") kv.value.items.forEach((it, i) => pushScalar(it, `${kPath}[${i}]`));
      else pushScalar(kv.value, kPath);
      el.entries.push({
        operator: op.key,
        operatorSpan: op.keySpan,
        operatorPath: opPath,
        ...parsed,
        key: kv.key,
        keySpan: kv.keySpan,
        path: kPath,
        valueSpan: kv.value.span,
        isArray: kv.value.type === "array",
        values,
      });
    }
  }
  return el;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts. */
export function splitOperator(op: string): {
  baseOperator: string;
  qualifier?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
  knownOperator: boolean;
  known: boolean;
} {
  let rest = op;
  let qualifier: "ForAnyValue" | "ForAllValues" | undefined;
  for (const q of ["ForAnyValue", "ForAllValues"] as const) {
    if (rest.startsWith(q + ":")) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  const known = CONDITION_OPERATORS.has(rest);
  return { baseOperator: rest, qualifier, ifExists, knownOperator: known, known };
}

function last(obj: JsonObject, key: string): JsonMember | undefined {
  for (let i = obj.members.length - 1; i >= 0; i--) if (obj.members[i].key === key) return obj.members[i];
  return undefined;
}

function expectString(m: JsonMember, path: string, r: Reporter): string | undefined {
  if (m.value.type === "string") return m.value.value;
  mismatch(m.value, path, "String", r);
  return undefined;
}

function mismatch(n: JsonNode, path: string, expected: string, r: Reporter): void {
  r.add(
    "DATA_TYPE_MISMATCH",
    `The text does not match the expected JSON data type ${expected}; found ${typeName(n)}.`,
    path,
    n.span,
    { iam: [IamStage.Syntax, SYNTAX_ERRORS] },
  );
}

/**
 * JSON allows repeated keys but gives them no meaning; IAM would silently keep one of them, so a
 * repeated `Condition` or `Effect` could hide what a reviewer reads. We refuse such documents.
 */
function reportDuplicateKeys(n: JsonNode, path: string, r: Reporter): void {
  if (n.type === "object") {
    const seen = new Set<string>();
    for (const m of n.members) {
      const p = childPath(path, m.key);
      if (seen.has(m.key)) {
        r.add("DUPLICATE_KEY", `The key ${m.key} appears more than once in the same object. Remove the duplicate.`, p, m.keySpan, {
          iam: [IamStage.Syntax, SYNTAX_ERRORS],
        });
      }
      seen.add(m.key);
      reportDuplicateKeys(m.value, p, r);
    }
  } else if (n.type === "array") {
    n.items.forEach((it, i) => reportDuplicateKeys(it, `${path}[${i}]`, r));
  }
}
