import { test, expect } from "./support/fixtures";
import { toRole } from "@/components/roles/routes";
import { toUser } from "@/components/users/routes";
import { goToRole } from "./helpers/roles";
import { openConsolePage } from "./helpers/navigation";
import { accessRow, assertSectionCount, assertShown, expandEvidence, searchAccess, sectionSubjects, showMore, sortAccessBy } from "./helpers/access";
import { assertNoAxeViolations, useColourScheme } from "./helpers/accessibility";

const trust = (Principal: object, Condition?: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }] }, null, 2);

test.describe("who can assume what", () => {
  test("a role's Who can assume tab groups principals as direct, with conditions and through chains, each with its evidence", async ({ page, api, users }) => {
    const dev = await users.createUser();
    await users.putInlinePolicy(dev.name, "assume-roles", { Version: "2012-10-17", Statement: [{ Sid: "AssumeAny", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    const account = dev.arn.split(":")[4];
    const hop = await api.createRole({ trust: trust({ AWS: dev.arn }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
    const target = await api.createRole({ trust: trust({ AWS: hop.arn }) });
    const guarded = await api.createRole({ trust: trust({ AWS: account }, { StringEquals: { "sts:ExternalId": "partner-7" } }) });

    await goToRole(page, target.name, "who-can-assume");
    await expect(page.getByTestId("tab-who-can-assume")).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Roleplane analysis").first()).toBeVisible();
    await assertSectionCount(page, "who-can-assume", "direct", "1");
    await expect(accessRow(page, "who-can-assume", hop.arn, "direct")).toBeVisible();
    await expect(accessRow(page, "who-can-assume", dev.arn, "chains").getByTestId("access-how")).toHaveText("Chain of 2 assumes");

    // The chain: drawn as a graph with its conditional hop dashed, said in words, and each hop's statements highlighted.
    const chain = await expandEvidence(page, "who-can-assume", dev.arn);
    const graph = chain.getByTestId("access-path-graph");
    await expect(graph.locator("svg line")).toHaveCount(2);
    await expect(graph.locator('svg line[data-conditional="true"]')).toHaveCount(1);
    await expect(chain.getByTestId("access-path").getByRole("listitem")).toHaveText([dev.arn, `⇢ (with conditions) ${hop.arn}`, `→ ${target.arn}`]);
    await expect(chain.getByTestId("access-path").getByRole("link", { name: hop.arn })).toHaveAttribute("href", toRole({ name: hop.name }));
    const firstHop = chain.getByTestId("access-hop").first();
    await expect(firstHop.getByTestId("access-conditions")).toHaveText("Bool aws:MultiFactorAuthPresent true");
    await expect(firstHop.getByTestId("access-example")).toContainText('"aws:MultiFactorAuthPresent":"true"');
    await expect(firstHop.getByTestId("access-statements")).toContainText("assume-roles, statement “AssumeAny”");
    await expect(chain.getByTestId("access-statement-view").locator('[data-matched="true"]').filter({ hasText: '"Sid": "AssumeAny"' })).toHaveCount(1);

    const direct = await expandEvidence(page, "who-can-assume", hop.arn);
    await expect(direct.getByTestId("access-statements")).toContainText("trust policy, statement 1");
    await expect(direct.getByTestId("access-statement-view").locator('[data-matched="true"]').filter({ hasText: hop.arn })).toHaveCount(1);

    await searchAccess(page, "who-can-assume", dev.name);
    await assertSectionCount(page, "who-can-assume", "direct", "0 of 1");
    await assertSectionCount(page, "who-can-assume", "chains", "1 of 1");

    await goToRole(page, guarded.name, "who-can-assume");
    const conditional = accessRow(page, "who-can-assume", dev.arn, "conditional");
    await expect(conditional.getByTestId("access-conditions")).toHaveText("StringEquals sts:ExternalId partner-7");
    const guardedEvidence = await expandEvidence(page, "who-can-assume", dev.arn);
    await expect(guardedEvidence.getByTestId("access-statements")).toContainText("assume-roles, statement “AssumeAny”");
    await expect(guardedEvidence.getByTestId("access-example")).toContainText('"sts:ExternalId":"partner-7"');
  });

  test("a user's Can assume tab lists the roles it can assume; the old Access tab links open the new tabs", async ({ page, api, users }) => {
    const dev = await users.createUser();
    await users.putInlinePolicy(dev.name, "assume", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    const hop = await api.createRole({ trust: trust({ AWS: dev.arn }) });
    const target = await api.createRole({ trust: trust({ AWS: hop.arn }) });

    await openConsolePage(page, toUser({ name: dev.name, tab: "can-assume" }));
    await expect(accessRow(page, "can-assume", hop.arn, "direct")).toBeVisible();
    await expect(accessRow(page, "can-assume", target.arn, "chains")).toBeVisible();
    const chain = await expandEvidence(page, "can-assume", target.arn);
    await expect(chain.getByTestId("access-path").getByRole("listitem")).toHaveText([dev.arn, `→ ${hop.arn}`, `→ ${target.arn}`]);

    await openConsolePage(page, toRole({ name: hop.name, tab: "can-assume" }));
    await expect(accessRow(page, "can-assume", target.arn, "direct")).toBeVisible();

    await page.goto(`/users/${dev.name}/access`);
    await expect(page).toHaveURL(toUser({ name: dev.name, tab: "can-assume" }));
    await page.goto(`/roles/${target.name}/access`);
    await expect(page).toHaveURL(toRole({ name: target.name, tab: "who-can-assume" }));
    await expect(accessRow(page, "who-can-assume", dev.arn, "chains")).toBeVisible();
  });

  test("a role many principals can assume shows counts and a first page, Show more, server search and header sorting", async ({ page, api }, testInfo) => {
    const assumers = [];
    for (let i = 0; i < 27; i++) assumers.push(await api.createRole());
    const target = await api.createRole({ trust: trust({ AWS: assumers.map((a) => a.arn) }) });
    const sorted = assumers.map((a) => a.arn).sort();

    await goToRole(page, target.name, "who-can-assume");
    await assertSectionCount(page, "who-can-assume", "direct", "27");
    await assertShown(page, "who-can-assume", "direct", "25 of 27 shown");
    await expect(sectionSubjects(page, "who-can-assume", "direct")).toHaveText(sorted.slice(0, 25));
    await showMore(page, "who-can-assume", "direct");
    await assertShown(page, "who-can-assume", "direct", "27 of 27 shown");
    await expect(sectionSubjects(page, "who-can-assume", "direct")).toHaveText(sorted);

    const header = await sortAccessBy(page, "who-can-assume", "direct", "subject");
    await expect(header).toHaveAttribute("aria-sort", "descending");
    await expect(sectionSubjects(page, "who-can-assume", "direct")).toHaveText([...sorted].reverse().slice(0, 25));
    await assertShown(page, "who-can-assume", "direct", "25 of 27 shown");
    await page.screenshot({ path: testInfo.outputPath("who-can-assume-sorted.png"), fullPage: true });

    // The server searches every row, not only the page shown.
    const last = assumers.find((a) => a.arn === sorted[0])!;
    await searchAccess(page, "who-can-assume", last.name);
    await assertSectionCount(page, "who-can-assume", "direct", "1 of 27");
    await expect(sectionSubjects(page, "who-can-assume", "direct")).toHaveText([last.arn]);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the Who can assume and Can assume tabs pass axe in ${scheme} mode`, async ({ page, api, users }, testInfo) => {
      await useColourScheme(page, scheme);
      const dev = await users.createUser();
      await users.putInlinePolicy(dev.name, "assume", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
      const hop = await api.createRole({ trust: trust({ AWS: dev.arn }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
      const target = await api.createRole({ trust: trust({ AWS: hop.arn }) });
      await openConsolePage(page, toRole({ name: target.name, tab: "who-can-assume" }));
      await expect(accessRow(page, "who-can-assume", dev.arn)).toBeVisible();
      await expandEvidence(page, "who-can-assume", dev.arn);
      await assertNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`role-who-can-assume-${scheme}.png`), fullPage: true });
      await openConsolePage(page, toUser({ name: dev.name, tab: "can-assume" }));
      await expect(accessRow(page, "can-assume", target.arn)).toBeVisible();
      await expandEvidence(page, "can-assume", hop.arn);
      await assertNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`user-can-assume-${scheme}.png`), fullPage: true });
    });
  }
});
