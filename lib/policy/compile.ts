/**
 * Policies compiled for evaluation: parsed once into the model (with positions, for explanations) and into
 * matchers the fast path runs without re-reading the document — actions lower-cased with their wildcards as
 * regular expressions, resource ARNs pre-built per component, condition operators taken apart.
 */
import { prepareCondition, type PreparedCondition } from "./conditions";
import { actionRegex, arnRegex } from "./evaluate-patterns";
import { Reporter } from "./findings";
import { readPolicy, type ListElement, type PolicyModel, type StatementModel } from "./model";
import { parseJson } from "./parse";
import { DEFAULT_CAPACITY, PolicyCache } from "./policy-cache";

/** Matches a lower-cased action, or a resource ARN (`null` pattern: resolved per request, it holds a variable). */
type Test = (value: string) => boolean;

export interface CompiledList {
  negated: boolean;
  /** One test per pattern; a resource pattern holding a policy variable is left to `dynamic`. */
  tests: Test[];
  /** Resource patterns with `${…}` variables, matched per request after substitution. */
  dynamic: string[];
}

export interface CompiledStatement {
  model: StatementModel;
  deny: boolean;
  /** Absent when the statement has neither Action nor NotAction: it matches nothing. */
  action?: CompiledList;
  /** Absent when the statement has neither Resource nor NotResource (trust policies): any resource. */
  resource?: CompiledList;
  conditions: PreparedCondition[];
}

export interface CompiledPolicy {
  model: PolicyModel | null;
  error?: string;
  /** Policy variables exist only in `Version: 2012-10-17`; in older policies `${…}` is literal text. */
  variables: boolean;
  /** The statements whose Effect is Allow or Deny, compiled on first use by the fast path. */
  statements(): CompiledStatement[];
}

const always: Test = () => true;

function compileActions(el: ListElement): CompiledList {
  const exact = new Set<string>();
  const tests: Test[] = [];
  for (const { value } of el.items) {
    if (value === "*") tests.push(always);
    else if (/[*?]/.test(value)) {
      const re = actionRegex(value);
      tests.push((a) => re.test(a));
    } else exact.add(value.toLowerCase());
  }
  if (exact.size > 0) tests.unshift((a) => exact.has(a));
  return { negated: el.name === "NotAction", tests, dynamic: [] };
}

function compileResources(el: ListElement, variables: boolean): CompiledList {
  const tests: Test[] = [];
  const dynamic: string[] = [];
  for (const { value } of el.items) {
    if (value === "*") tests.push(always);
    else if (variables && value.includes("${")) dynamic.push(value);
    else {
      const re = arnRegex([{ text: value, literal: false }]);
      tests.push((r) => re.test(r));
    }
  }
  return { negated: el.name === "NotResource", tests, dynamic };
}

function compileStatements(model: PolicyModel | null, variables: boolean): CompiledStatement[] {
  const out: CompiledStatement[] = [];
  for (const s of model?.statements ?? []) {
    const effect = s.effect?.value;
    if (effect !== "Allow" && effect !== "Deny") continue;
    const actionEl = s.action ?? s.notAction;
    const resourceEl = s.resource ?? s.notResource;
    out.push({
      model: s,
      deny: effect === "Deny",
      action: actionEl ? compileActions(actionEl) : undefined,
      resource: resourceEl ? compileResources(resourceEl, variables) : undefined,
      conditions: (s.condition?.entries ?? []).map((e) =>
        prepareCondition({ operator: e.operator, key: e.key, values: e.values.map((v) => v.value), path: e.path }),
      ),
    });
  }
  return out;
}

/** Reads a policy text for evaluation; grammar findings do not matter here (stored documents passed IAM's checks). */
export function compilePolicy(text: string): CompiledPolicy {
  const parsed = parseJson(text);
  let model: PolicyModel | null = null;
  let error: string | undefined;
  if (parsed.errors.length > 0) error = `The policy is not valid JSON: ${parsed.errors[0].message}.`;
  else {
    model = readPolicy(parsed, new Reporter("identity"));
    if (!model) error = "The policy is not a JSON object.";
  }
  const variables = model?.version?.value === "2012-10-17";
  let statements: CompiledStatement[] | undefined;
  return { model, error, variables, statements: () => (statements ??= compileStatements(model, variables)) };
}

/** The cache used when a caller brings none: bounded, so the module never holds more than its capacity. */
export const sharedPolicyCache = new PolicyCache<CompiledPolicy>(DEFAULT_CAPACITY);

let scoped: PolicyCache<CompiledPolicy> | undefined;

/**
 * Runs `run` with a cache of its own for every `compiledPolicy` call that brings none, holding up to `capacity`
 * documents, dropped when `run` returns. For a synchronous run that reads more documents than the shared cache holds,
 * some of them more than once (an access build reads the store's every document to class principals, then again to
 * evaluate): each is compiled once, and the shared cache is left as it was.
 */
export function withPolicyCache<T>(capacity: number, run: () => T): T {
  const outer = scoped;
  scoped = new PolicyCache<CompiledPolicy>(Math.max(1, capacity));
  try {
    return run();
  } finally {
    scoped = outer;
  }
}

export function compiledPolicy(document: string | object, cache: PolicyCache<CompiledPolicy> = scoped ?? sharedPolicyCache): CompiledPolicy {
  return cache.get(document, compilePolicy);
}
