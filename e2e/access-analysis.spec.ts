import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { toUser } from "@/components/users/routes";
import { openConsolePage } from "./helpers/navigation";
import { toRoles } from "@/components/roles/routes";
import {
  assertAccessRoles, assertFindings, clickAccessAnalysisInSidebar, expandFinding, searchAccessRoles, searchFindings, selectFindingKind, selectFindingSeverity,
  sortAccessRolesBy,
} from "./helpers/access-analysis";

const trust = (AWS: string, Condition?: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }] });
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

test.describe("the Access analysis", () => {
  test("a reviewer filters the findings, expands a chain into an administrator role, and searches and sorts the roles table", async ({ page, api, users }) => {
    const base = uniqueName("review");
    const dev = await users.createUser();
    await users.putInlinePolicy(dev.name, "assume", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    const hop = await api.createRole({ name: `${base}-chain-hop`, trust: trust(dev.arn) });
    const admin = await api.createRole({ name: `${base}-chain-admin`, trust: trust(hop.arn) });
    await api.attachPolicy(admin.name, ADMIN);
    await api.createRole({ name: `${base}-chain-mfa`, trust: trust(dev.arn, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
    const open = await api.createRole({ name: `${base}-open`, trust: trust("*") });

    await openConsolePage(page, toRoles());
    await clickAccessAnalysisInSidebar(page);
    await expect(page.getByText("Beyond AWS")).toBeVisible();

    await searchFindings(page, base);
    await assertFindings(page, base, [
      ["Anyone or a wildcard can assume", "High", open.name],
      ["Chain to an administrator role", "High", admin.name],
    ]);
    await selectFindingKind(page, "chain-to-admin");
    await assertFindings(page, base, [["Chain to an administrator role", "High", admin.name]]);
    const chain = await expandFinding(page, admin.name);
    await expect(chain.getByTestId("evidence-administrator")).toContainText(`it has ${ADMIN} attached`);
    await expect(chain.getByTestId("evidence-path").getByRole("listitem")).toHaveText([dev.arn, `→ ${hop.arn}`, `→ ${admin.arn}`]);
    await expect(chain.getByTestId("evidence-path").getByRole("link", { name: dev.arn })).toHaveAttribute("href", toUser({ name: dev.name }));

    await selectFindingSeverity(page, "low");
    await expect(page.getByText("No findings match")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page.getByTestId("findings-kind")).toHaveValue("all");

    await searchAccessRoles(page, `${base}-chain`);
    await assertAccessRoles(page, [[admin.name, "1", "0", "1"], [hop.name, "1", "0", "0"], [`${base}-chain-mfa`, "0", "1", "0"]]);
    await sortAccessRolesBy(page, "With conditions", "ascending");
    await sortAccessRolesBy(page, "With conditions", "descending");
    await assertAccessRoles(page, [[`${base}-chain-mfa`, "0", "1", "0"], [hop.name, "1", "0", "0"], [admin.name, "1", "0", "1"]]);
    await sortAccessRolesBy(page, "Through chains", "ascending");
    await assertAccessRoles(page, [[hop.name, "1", "0", "0"], [`${base}-chain-mfa`, "0", "1", "0"], [admin.name, "1", "0", "1"]]);

    // The view is in the URL: a reload keeps the search and the sort.
    await page.reload();
    await assertAccessRoles(page, [[hop.name, "1", "0", "0"], [`${base}-chain-mfa`, "0", "1", "0"], [admin.name, "1", "0", "1"]]);
  });
});
