import { test, expect } from "./support/fixtures";
import { toRole } from "@/components/roles/routes";
import { toUser } from "@/components/users/routes";
import { goToRole } from "./helpers/roles";
import { openConsolePage } from "./helpers/navigation";
import { accessRow, assertAccessRow, expandEvidence, selectAccessFilter } from "./helpers/access";
import { assertNoAxeViolations, useColourScheme } from "./helpers/accessibility";

const trust = (Principal: object, Condition?: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }] });

test.describe("who can assume what", () => {
  test("a role's Access tab lists direct and chained principals with their conditions, path and statements; the user's lists what it can assume", async ({ page, api, users }) => {
    const dev = await users.createUser();
    await users.putInlinePolicy(dev.name, "assume-roles", { Version: "2012-10-17", Statement: [{ Sid: "AssumeAny", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    const account = dev.arn.split(":")[4];
    const hop = await api.createRole({ trust: trust({ AWS: dev.arn }) });
    const target = await api.createRole({ trust: trust({ AWS: hop.arn }) });
    const guarded = await api.createRole({ trust: trust({ AWS: account }, { StringEquals: { "sts:ExternalId": "partner-7" } }) });

    await goToRole(page, target.name, "access");
    await expect(page.getByText("Roleplane analysis").first()).toBeVisible();
    await assertAccessRow(page, "who-can-assume", hop.arn, "Directly", "Unconditional");
    await assertAccessRow(page, "who-can-assume", dev.arn, "Chain of 2 assumes", "Unconditional");
    const chain = await expandEvidence(page, "who-can-assume", dev.arn);
    await expect(chain.getByTestId("access-path").getByRole("listitem")).toHaveText([dev.arn, `→ ${hop.arn}`, `→ ${target.arn}`]);
    const direct = await expandEvidence(page, "who-can-assume", hop.arn);
    await expect(direct.getByTestId("access-statements")).toContainText("trust policy, statement 1");

    await selectAccessFilter(page, "who-can-assume", "chains");
    await expect(accessRow(page, "who-can-assume", hop.arn)).toHaveCount(0);
    await expect(accessRow(page, "who-can-assume", dev.arn)).toBeVisible();

    await goToRole(page, guarded.name, "access");
    const conditional = accessRow(page, "who-can-assume", dev.arn);
    await expect(conditional.getByTestId("access-conditions")).toHaveText("StringEquals sts:ExternalId partner-7");
    await expandEvidence(page, "who-can-assume", dev.arn);
    await expect(conditional.getByTestId("access-statements")).toContainText("assume-roles, statement “AssumeAny”");

    await openConsolePage(page, toUser({ name: dev.name, tab: "access" }));
    await assertAccessRow(page, "can-assume", hop.arn, "Directly", "Unconditional");
    await assertAccessRow(page, "can-assume", target.arn, "Chain of 2 assumes", "Unconditional");
    await assertAccessRow(page, "can-assume", guarded.arn, "Directly", "Conditional");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the Access tabs pass axe in ${scheme} mode`, async ({ page, api, users }, testInfo) => {
      await useColourScheme(page, scheme);
      const dev = await users.createUser();
      await users.putInlinePolicy(dev.name, "assume", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
      const hop = await api.createRole({ trust: trust({ AWS: dev.arn }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
      const target = await api.createRole({ trust: trust({ AWS: hop.arn }) });
      await openConsolePage(page, toRole({ name: target.name, tab: "access" }));
      await expect(accessRow(page, "who-can-assume", dev.arn)).toBeVisible();
      await expandEvidence(page, "who-can-assume", dev.arn);
      await assertNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`role-access-${scheme}.png`), fullPage: true });
      await openConsolePage(page, toUser({ name: dev.name, tab: "access" }));
      await expect(accessRow(page, "can-assume", target.arn)).toBeVisible();
      await assertNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`user-access-${scheme}.png`), fullPage: true });
    });
  }
});
