import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { toRole } from "@/components/roles/routes";
import { openConsolePage } from "./helpers/navigation";
import { goToAssumeRole } from "./helpers/assume";
import { getTrustPolicyViaApi } from "./helpers/trust-editor";
import { assertPreviewShows, chooseEntity, nextToReview, openTrustStep, submitCreateRole } from "./helpers/role-wizard";
import { answerRoleGuide, assertInfoPanel, clickInfo, closeInfoWithEscape, infoLink, openRoleGuide } from "./helpers/concepts";

test.describe("the concepts, explained where they are used", () => {
  test("the wizard's Info panels explain the term, link AWS, close with Escape and give focus back", async ({ page }) => {
    await openTrustStep(page);
    await clickInfo(page, "trusted-entity");
    await assertInfoPanel(page, { term: "Trusted entity", text: "who the role is for", awsPage: "id_roles_create.html" });
    await closeInfoWithEscape(page, infoLink(page, "trusted-entity"));

    // An Info link on a card explains the card without choosing it, even when the panel is clicked.
    await clickInfo(page, "federation");
    await assertInfoPanel(page, { term: "Federation", text: "identity provider outside IAM", awsPage: "id_roles_providers.html" });
    await page.getByTestId("info-panel-text").click();
    await closeInfoWithEscape(page, infoLink(page, "federation"));
    await expect(page.getByTestId("entity-service")).toBeChecked();

    await chooseEntity(page, "account");
    await page.getByTestId("require-external-id").check();
    await clickInfo(page, "external-id");
    await assertInfoPanel(page, { term: "External ID", text: "sts:ExternalId", awsPage: "id_roles_create_for-user_externalid.html" });
    await page.getByRole("dialog", { name: "External ID" }).getByRole("button", { name: "Close" }).click();
    await expect(infoLink(page, "external-id")).toBeFocused();
    await clickInfo(page, "confused-deputy");
    await assertInfoPanel(page, { term: "Confused deputy", text: "aws:SourceArn", awsPage: "confused-deputy.html" });
    await closeInfoWithEscape(page, infoLink(page, "confused-deputy"));
  });

  test("the role page and the Assume role page explain their terms", async ({ page, api }) => {
    const role = await api.createRole();
    await openConsolePage(page, toRole({ name: role.name, tab: "trust" }));
    await clickInfo(page, "trust-policy");
    await assertInfoPanel(page, { term: "Trust policy", text: "names the principals allowed to assume it", awsPage: "id_roles_terms-and-concepts.html#term_trust-policy" });
    await closeInfoWithEscape(page, infoLink(page, "trust-policy"));

    await openConsolePage(page, toRole({ name: role.name, tab: "permissions" }));
    await clickInfo(page, "permissions-boundary");
    await assertInfoPanel(page, { term: "Permissions boundary", text: "grants nothing by itself", awsPage: "access_policies_boundaries.html" });
    await closeInfoWithEscape(page, infoLink(page, "permissions-boundary"));

    await clickInfo(page, "instance-profile");
    await assertInfoPanel(page, { term: "Instance profile", text: "EC2 instance", awsPage: "id_roles_use_switch-role-ec2_instance-profiles.html" });
    await closeInfoWithEscape(page, infoLink(page, "instance-profile"));

    await goToAssumeRole(page, role.name);
    await clickInfo(page, "source-identity");
    await assertInfoPanel(page, { term: "Source identity", text: "cannot be changed", awsPage: "id_credentials_temp_control-access_monitor.html" });
    await closeInfoWithEscape(page, infoLink(page, "source-identity"));
    await clickInfo(page, "session-policy");
    await assertInfoPanel(page, { term: "Session policy", text: "narrow that one session", awsPage: "access_policies.html#policies_session" });
    await closeInfoWithEscape(page, infoLink(page, "session-policy"));
  });

  test("Which kind of role do I need? picks the card for each answer", async ({ page }) => {
    await openTrustStep(page);
    await openRoleGuide(page);
    const cases = [
      { answer: "web", entity: "web-identity" },
      { answer: "directory", entity: "saml" },
      { answer: "this-account", entity: "account" },
      { answer: "service", entity: "service" },
      { answer: "other-account", entity: "account" },
    ] as const;
    for (const c of cases) {
      await answerRoleGuide(page, c.answer);
      await expect(page.getByTestId(`entity-${c.entity}`)).toBeChecked();
      await expect(page).toHaveURL(new RegExp(`entity=${c.entity}`));
      await expect(page.getByTestId("guide-result")).toContainText("Chosen for you");
    }
    await expect(page.getByTestId("account-other")).toBeChecked();
    await expect(page.getByTestId("require-external-id")).not.toBeChecked();
    await answerRoleGuide(page, "third-party");
    await expect(page.getByTestId("account-other")).toBeChecked();
    await expect(page.getByTestId("require-external-id")).toBeChecked();
    await assertPreviewShows(page, "sts:ExternalId");
    await answerRoleGuide(page, "this-account");
    await expect(page.getByTestId("account-this")).toBeChecked();
    await expect(page.getByTestId("require-external-id")).not.toBeChecked();
    // Choosing another card yourself clears the guide's "chosen for you".
    await chooseEntity(page, "custom");
    await expect(page.getByTestId("guide-result")).toHaveText("");
  });

  test("the guide works from the keyboard", async ({ page }) => {
    await openTrustStep(page);
    const summary = page.getByTestId("role-guide").locator("summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("guide-service")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("guide-service")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("entity-service")).toBeChecked();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("guide-third-party")).toBeFocused();
    await expect(page.getByTestId("entity-account")).toBeChecked();
    await expect(page.getByTestId("require-external-id")).toBeChecked();
  });

  test("an Amazon Cognito identity pool becomes the aud condition, signed-in identities only, shown live", async ({ page, api }) => {
    const name = uniqueName("cognito");
    api.track(name);
    const pool = "eu-west-1:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    await openTrustStep(page);
    await chooseEntity(page, "web-identity");
    await page.getByTestId("web-identity-provider").selectOption("cognito");
    await expect(page.getByLabel("Identity pool ID")).toBeVisible();
    await page.getByTestId("web-identity-audience").fill("eu-west-1:not-a-pool");
    await page.getByTestId("wizard-next").click();
    await expect(page).toHaveURL(/step=trust/);
    await expect(page.getByRole("alert").filter({ hasText: "An identity pool ID is <region>:<uuid>" })).toBeVisible();
    await page.getByTestId("web-identity-audience").fill(pool);
    await assertPreviewShows(page, `"cognito-identity.amazonaws.com:aud": "${pool}"`);
    await assertPreviewShows(page, `"cognito-identity.amazonaws.com:amr": "authenticated"`);
    await assertPreviewShows(page, "ForAnyValue:StringLike");
    await nextToReview(page, name);
    await submitCreateRole(page, name);
    expect(await getTrustPolicyViaApi(page.request, name)).toEqual({
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": pool }, "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } },
      }],
    });
  });
});
