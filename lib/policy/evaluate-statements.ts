/**
 * Reading policy documents for evaluation and checking one statement against a request.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { checkCondition, prepareCondition, type PreparedCondition } from "./conditions";
import { actionMatches, arnMatch, resolveVariables, type ContextLookup } from "./evaluate-patterns";
import { checkPrincipal } from "./evaluate-principals";
import type { ElementCheck, EvaluationRequest, PolicyDocument, PolicyRef, StatementReason } from "./evaluate-types";
import { compiledPolicy, type CompiledList, type CompiledPolicy } from "./compile";
import type { ConditionEntry, ListElement, PolicyModel, StatementModel } from "./model";
import type { PolicyCache } from "./policy-cache";

/** A policy ready for evaluation; `model` null when the text is not a readable policy. */
export interface LoadedPolicy {
  ref: PolicyRef;
  model: PolicyModel | null;
  error?: string;
  /** Policy variables exist only in `Version: 2012-10-17`; in older policies `${…}` is literal text. */
  variables: boolean;
  compiled: CompiledPolicy;
}

export function loadPolicy(document: PolicyDocument, ref: PolicyRef, cache?: PolicyCache<CompiledPolicy>): LoadedPolicy {
  const compiled = compiledPolicy(document, cache);
  return { ref, model: compiled.model, error: compiled.error, variables: compiled.variables, compiled };
}

// A policy's model is kept with its compiled form (compile.ts) and never changed: each condition is prepared once.
const prepared = new WeakMap<ConditionEntry, PreparedCondition>();
function preparedCondition(e: ConditionEntry): PreparedCondition {
  let c = prepared.get(e);
  if (!c) prepared.set(e, (c = prepareCondition({ operator: e.operator, key: e.key, values: e.values.map((v) => v.value), path: e.path })));
  return c;
}

function checkList(el: ListElement, value: string, match: (pattern: string) => boolean): ElementCheck {
  const hit = el.items.find((i) => match(i.value));
  const negated = el.name.startsWith("Not");
  return {
    element: el.name as ElementCheck["element"],
    matched: negated ? !hit : !!hit,
    value,
    ...(hit ? { pattern: hit.value } : {}),
    path: hit?.path ?? el.path,
  };
}

function checkResource(s: StatementModel, resource: string, lookup: ContextLookup | undefined): ElementCheck | undefined {
  const el = s.resource ?? s.notResource;
  // Trust policies have no Resource: the role they are attached to is the resource.
  if (!el) return undefined;
  return checkList(el, resource, (pattern) => {
    if (pattern === "*") return true;
    const pieces = resolveVariables(pattern, lookup);
    return pieces !== null && arnMatch(pieces, resource);
  });
}

/**
 * Evaluates one statement. Everything is checked once the action matches, so a near miss can show every
 * element that failed; returns null for a statement whose Effect is neither Allow nor Deny.
 */
export function evaluateStatement(
  s: StatementModel,
  policy: LoadedPolicy,
  request: EvaluationRequest,
  lookup: ContextLookup,
  resourcePolicy: boolean,
): StatementReason | null {
  const value = s.effect?.value;
  if (value !== "Allow" && value !== "Deny") return null;
  const effect: "Allow" | "Deny" = value;
  const actionEl = s.action ?? s.notAction;
  const base = {
    kind: "statement" as const,
    policy: policy.ref,
    statementIndex: s.index,
    ...(s.sid ? { sid: s.sid.value } : {}),
    path: s.path,
    effect,
  };
  const action: ElementCheck = actionEl
    ? checkList(actionEl, request.action, (p) => actionMatches(p, request.action))
    : { element: "Action", matched: false, value: request.action, path: s.path };
  if (!action.matched) return { ...base, applies: false, failedOn: "action", action, conditions: [] };

  const varLookup = policy.variables ? lookup : undefined;
  const resource = checkResource(s, request.resource, varLookup);
  const principal = checkPrincipal(s, request.principal, resourcePolicy);
  const conditions = (s.condition?.entries ?? []).map((e) => checkCondition(preparedCondition(e), lookup, policy.variables));
  const failedOn =
    resource && !resource.matched
      ? "resource"
      : !principal.matched
        ? "principal"
        : conditions.some((c) => !c.passed)
          ? "condition"
          : undefined;
  return {
    ...base,
    applies: failedOn === undefined,
    ...(failedOn ? { failedOn } : {}),
    action,
    ...(resource ? { resource } : {}),
    ...(principal.element === "implicit" ? {} : { principal }),
    conditions,
  };
}

function actionListMatches(list: CompiledList, action: string): boolean {
  let hit = false;
  for (const t of list.tests)
    if (t(action)) {
      hit = true;
      break;
    }
  return list.negated ? !hit : hit;
}

/** The statements of a set of policies that bear on the request: those that apply, and near misses. */
export interface PolicyTypeResult {
  allows: StatementReason[];
  denies: StatementReason[];
  /** Statements whose action matched but some other element did not. */
  nearMisses: StatementReason[];
}

export function evaluatePolicies(
  policies: LoadedPolicy[],
  request: EvaluationRequest,
  lookup: ContextLookup,
  resourcePolicy: boolean,
): PolicyTypeResult {
  const result: PolicyTypeResult = { allows: [], denies: [], nearMisses: [] };
  const action = request.action.toLowerCase();
  for (const p of policies) {
    // The compiled statements are the model's Allow and Deny statements in order; a statement whose action does
    // not match bears on nothing, so the compiled action test skips it before any explanation is built.
    for (const c of p.compiled.statements()) {
      if (!c.action || !actionListMatches(c.action, action)) continue;
      const r = evaluateStatement(c.model, p, request, lookup, resourcePolicy);
      if (!r) continue;
      if (r.applies) (r.effect === "Deny" ? result.denies : result.allows).push(r);
      else if (r.failedOn !== "action") result.nearMisses.push(r);
    }
  }
  return result;
}
