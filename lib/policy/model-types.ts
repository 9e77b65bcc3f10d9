/**
 * The shapes of the typed policy model that `readPolicy` builds (see model.ts): every element keeps its JSON
 * member, span and JSON path.
 */
import type { JsonMember, JsonObject } from "./parse";
import type { Span } from "./types";

export interface StringItem {
  value: string;
  span: Span;
  path: string;
}

/** Action, NotAction, Resource or NotResource: a string or an array of strings. */
export interface ListElement {
  name: string;
  member: JsonMember;
  path: string;
  isArray: boolean;
  items: StringItem[];
}

export interface PrincipalEntry {
  /** AWS, Service, Federated, CanonicalUser (or an invalid key, already reported). */
  key: string;
  keySpan: Span;
  path: string;
  isArray: boolean;
  items: StringItem[];
}

export interface PrincipalElement {
  name: "Principal" | "NotPrincipal";
  member: JsonMember;
  path: string;
  /** `"Principal": "*"`. */
  wildcard: boolean;
  entries: PrincipalEntry[];
}

export interface ConditionValue {
  /** Booleans and numbers are kept as IAM sees them: text. */
  value: string;
  jsonType: "string" | "number" | "boolean";
  span: Span;
  path: string;
}

export interface ConditionEntry {
  operator: string;
  operatorSpan: Span;
  operatorPath: string;
  /** Operator without `ForAnyValue:`/`ForAllValues:` and `IfExists`. */
  baseOperator: string;
  qualifier?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
  knownOperator: boolean;
  key: string;
  keySpan: Span;
  path: string;
  valueSpan: Span;
  isArray: boolean;
  values: ConditionValue[];
}

export interface ConditionElement {
  member: JsonMember;
  path: string;
  entries: ConditionEntry[];
  /** Operators with an empty `{}` block (they have no entries). */
  emptyOperators: { operator: string; span: Span; path: string }[];
}

export interface StatementModel {
  index: number;
  path: string;
  node: JsonObject;
  sid?: StringItem;
  effect?: StringItem;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  condition?: ConditionElement;
}

export interface PolicyModel {
  root: JsonObject;
  version?: StringItem;
  statementMember?: JsonMember;
  statements: StatementModel[];
}
