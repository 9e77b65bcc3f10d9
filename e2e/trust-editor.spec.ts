import { test, expect } from "./support/fixtures";
import { goToRole } from "./helpers/roles";
import {
  assertConflictShown, assertFindingAtLine, assertNoFinding, assertSaveAllowed, assertSaveBlocked, assertSavedTrustView, clickEditTrust,
  clickReloadLatest, clickReviewChanges, clickSaveTrust, fillTrustPolicy, getTrustPolicyViaApi, putTrustPolicyViaApi, saveTrust,
} from "./helpers/trust-editor";

/* The trust relationships tab edits the trust policy in the validating editor and saves with optimistic concurrency. */

const trust = (action: string, principal = '{ "Service": "ec2.amazonaws.com" }') => `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": ${principal},
      "Action": "${action}",
      "Condition": { "StringEquals": { "aws:SourceAccount": "111111111111" } }
    }
  ]
}`;

test.describe("trust policy editor", () => {
  test("a typo in the action is flagged on line 7 and blocks saving; once fixed the policy saves", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name, "trust");
    await clickEditTrust(page);

    await fillTrustPolicy(page, trust("sts:AssumeRoel"));
    await assertFindingAtLine(page, "INVALID_ACTION", 7);
    await assertSaveBlocked(page);

    await fillTrustPolicy(page, trust("sts:AssumeRole"));
    await assertNoFinding(page, "INVALID_ACTION");
    await assertSaveAllowed(page);
    await clickReviewChanges(page);
    await expect(page.getByTestId("trust-policy-editor-diff")).toContainText("aws:SourceAccount");
    await saveTrust(page);

    await page.reload();
    await assertSavedTrustView(page, "aws:SourceAccount", "EC2 service (ec2.amazonaws.com) can assume this role");
    expect(await getTrustPolicyViaApi(api.request, role.name)).toEqual(JSON.parse(trust("sts:AssumeRole")));
  });

  test("saving over someone else's newer version is refused with ConcurrentModification and overwrites nothing", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name, "trust");
    await clickEditTrust(page);
    await fillTrustPolicy(page, trust("sts:AssumeRole"));
    await assertSaveAllowed(page);

    const theirs = trust("sts:AssumeRole", '{ "Service": "lambda.amazonaws.com" }');
    await putTrustPolicyViaApi(api.request, role.name, theirs);
    await clickSaveTrust(page);

    await assertConflictShown(page);
    expect(await getTrustPolicyViaApi(api.request, role.name)).toEqual(JSON.parse(theirs));

    // The draft is kept and now compared with the latest version: the other person's principal is what it replaces.
    await clickReloadLatest(page);
    await clickReviewChanges(page);
    await expect(page.getByTestId("trust-policy-editor-diff")).toContainText("lambda.amazonaws.com");
  });
});
