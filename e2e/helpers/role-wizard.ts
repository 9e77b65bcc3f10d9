import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { toRole } from "@/components/roles/routes";
import { openConsolePage } from "./navigation";

/** Selectors of the create-role wizard's "Select trusted entity" step; specs read as user steps. */
export type Entity = "service" | "account" | "web-identity" | "saml" | "custom";

export async function openTrustStep(page: Page, query = "") {
  await openConsolePage(page, `/roles/new?step=trust${query}`);
  await expect(page.getByRole("heading", { name: "Create role" })).toBeVisible();
}

export async function chooseEntity(page: Page, entity: Entity) {
  await page.getByTestId(`entity-${entity}`).check();
  await expect(page).toHaveURL(new RegExp(`entity=${entity}`));
}

export async function chooseService(page: Page, search: string, id: string) {
  await page.getByTestId("service-search").fill(search);
  await page.getByTestId(`service-${id}`).check();
  await expect(page).toHaveURL(new RegExp(`service=${id}`));
}

/** The policy the answers built, as the live preview beside the form shows it. */
export async function assertPreviewShows(page: Page, text: string) {
  await expect(page.getByTestId("trust-policy")).toContainText(text);
}

/** Next through permissions to "Name, review, and create", naming the role there. */
export async function nextToReview(page: Page, name: string) {
  await page.getByTestId("wizard-next").click();
  await expect(page).toHaveURL(/step=permissions/);
  await page.getByTestId("wizard-next").click();
  await expect(page).toHaveURL(/step=review/);
  await page.getByLabel("Role name").fill(name);
}

export async function submitCreateRole(page: Page, name: string) {
  await page.getByTestId("create-role-submit").click();
  await expect(page.getByTestId("role-title")).toHaveText(name);
  await expect(page).toHaveURL(new RegExp(`/roles/${name}`));
}

/** The role page's trust tab shows each fragment of the saved trust policy. */
export async function assertRoleTrustShows(page: Page, name: string, fragments: string[]) {
  await openConsolePage(page, toRole({ name, tab: "trust" }));
  for (const f of fragments) await expect(page.getByTestId("trust-policy-view")).toContainText(f);
}

/** The account's OIDC provider for an issuer, registered when missing (a URL is unique in an account). */
export async function ensureOidcProvider(request: APIRequestContext, url: string, clientId: string): Promise<{ arn: string; created: boolean }> {
  const res = await request.post("/api/console/identity-providers/oidc", { data: { Url: url, ClientIDList: [clientId] } });
  if (res.status() === 201) return { arn: ((await res.json()) as { arn: string }).arn, created: true };
  expect(res.status(), await res.text()).toBe(409);
  const { items } = (await (await request.get("/api/console/identity-providers")).json()) as { items: { arn: string; name: string }[] };
  const found = items.find((i) => i.arn.endsWith(`:oidc-provider/${url.replace(/^https:\/\//, "")}`));
  expect(found).toBeDefined();
  return { arn: found!.arn, created: false };
}
