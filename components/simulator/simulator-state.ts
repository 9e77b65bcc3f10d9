import { CONTEXT_KEY_TYPES, type ContextKeyType } from "@/lib/domain/simulation-schemas";

/**
 * The Simulator's form, kept in the page's URL so a result can be shared: `principal`, `policy`, `actions` and
 * `resources` (one per line), `context` (JSON: `[[key, type, [values…]], …]`), `resourcePolicy`/`caller`, and
 * `suppose=1` (a principal of an account Roleplane does not hold is supposed allowed by its own policies).
 */
export interface ContextRow {
  key: string;
  type: ContextKeyType;
  values: string;
}

export interface SimulatorForm {
  principal: string;
  policy: string;
  actions: string;
  resources: string;
  context: ContextRow[];
  resourcePolicy: string;
  caller: string;
  supposeAllowed: boolean;
}

export const EMPTY_FORM: SimulatorForm = { principal: "", policy: "", actions: "", resources: "", context: [], resourcePolicy: "", caller: "", supposeAllowed: false };

/** Actions and context values split on commas and new lines; resources on new lines only (IAM names may hold commas). */
const split = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((l) => l.trim())
    .filter(Boolean);
const items = (text: string) => split(text, /[\n,]/);
const lines = (text: string) => split(text, /\n/);

const isType = (t: unknown): t is ContextKeyType => (CONTEXT_KEY_TYPES as readonly unknown[]).includes(t);

function contextOf(raw: string | null): ContextRow[] {
  if (!raw) return [];
  try {
    const rows: unknown = JSON.parse(raw);
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((r) =>
      Array.isArray(r) && typeof r[0] === "string" && isType(r[1]) && Array.isArray(r[2])
        ? [{ key: r[0], type: r[1], values: r[2].filter((v: unknown) => typeof v === "string").join(", ") }]
        : [],
    );
  } catch {
    return [];
  }
}

export function formFromParams(params: URLSearchParams): SimulatorForm {
  return {
    principal: params.get("principal") ?? "",
    policy: params.get("policy") ?? "",
    actions: params.get("actions") ?? "",
    resources: params.get("resources") ?? "",
    context: contextOf(params.get("context")),
    resourcePolicy: params.get("resourcePolicy") ?? "",
    caller: params.get("caller") ?? "",
    supposeAllowed: params.get("suppose") === "1",
  };
}

const rowValues = (r: ContextRow) => (r.type.endsWith("List") ? items(r.values) : [r.values.trim()]);

export function paramsFromForm(f: SimulatorForm): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string) => v.trim() && p.set(k, v.trim());
  set("principal", f.principal);
  set("policy", f.policy);
  set("actions", items(f.actions).join("\n"));
  set("resources", lines(f.resources).join("\n"));
  const rows = f.context.filter((r) => r.key.trim());
  if (rows.length) p.set("context", JSON.stringify(rows.map((r) => [r.key.trim(), r.type, rowValues(r)])));
  set("resourcePolicy", f.resourcePolicy);
  set("caller", f.caller);
  if (f.supposeAllowed) p.set("suppose", "1");
  return p;
}

/** The console route's request body for a form (AWS member names, as the Query API takes them). */
export function simulationBody(f: SimulatorForm) {
  return {
    PolicySourceArn: f.principal.trim() || undefined,
    PolicyInputList: f.policy.trim() ? [f.policy] : undefined,
    ActionNames: items(f.actions),
    ResourceArns: lines(f.resources).length ? lines(f.resources) : undefined,
    ContextEntries: f.context
      .filter((r) => r.key.trim())
      .map((r) => ({ ContextKeyName: r.key.trim(), ContextKeyType: r.type, ContextKeyValues: rowValues(r) })),
    ResourcePolicy: f.resourcePolicy.trim() || undefined,
    CallerArn: f.caller.trim() || undefined,
    SupposeExternalAllowed: f.supposeAllowed || undefined,
  };
}

/** The form's actions, as the catalogue completion looks them up. */
export const actionsOf = (f: SimulatorForm) => items(f.actions);

/** A form that can run: some actions, and a principal or a policy. */
export const canSimulate = (f: SimulatorForm) => items(f.actions).length > 0 && (f.principal.trim() !== "" || f.policy.trim() !== "");
