import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { getTrustPolicyViaApi } from "./helpers/trust-editor";
import { assertNoAxeViolations, useColourScheme, type ColourScheme } from "./helpers/accessibility";
import { assertPreviewShows, assertRoleTrustShows, chooseEntity, chooseService, ensureOidcProvider, nextToReview, openTrustStep, submitCreateRole } from "./helpers/role-wizard";

const accountOf = (arn: string) => arn.split(":")[4];

test.describe("create role: select trusted entity", () => {
  test("an EC2 service role gets its instance profile, and the trust guards against the confused deputy", async ({ page, api, profiles }) => {
    const name = uniqueName("ec2");
    api.track(name);
    profiles.track(name);
    await openTrustStep(page);
    await chooseEntity(page, "service");
    await chooseService(page, "lambda", "lambda");
    await assertPreviewShows(page, "lambda.amazonaws.com");
    await chooseService(page, "ec2", "ec2");
    await expect(page.getByTestId("instance-profile-note")).toBeVisible();
    await assertPreviewShows(page, "ec2.amazonaws.com");
    await assertPreviewShows(page, "aws:SourceAccount");
    await nextToReview(page, name);
    await expect(page.getByTestId("review-instance-profile")).toContainText(name);
    await submitCreateRole(page, name);
    await expect(page.getByTestId("role-instance-profile-arn")).toContainText(`:instance-profile/${name}`);
    const account = accountOf(await page.getByTestId("role-arn").innerText());
    await assertRoleTrustShows(page, name, ["ec2.amazonaws.com", "aws:SourceAccount"]);
    expect(await getTrustPolicyViaApi(page.request, name)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account } } }],
    });
  });

  test("a third-party role with a generated external ID; a bad account ID is refused beside its field; back keeps the answers", async ({ page, api }) => {
    const name = uniqueName("vendor");
    api.track(name);
    await openTrustStep(page);
    await chooseEntity(page, "account");
    await page.getByTestId("account-other").check();
    await page.getByTestId("account-id").fill("12345");
    await page.getByTestId("require-external-id").check();
    await page.getByTestId("generate-external-id").click();
    const externalId = await page.getByTestId("external-id").inputValue();
    expect(externalId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByTestId("wizard-next").click();
    await expect(page).toHaveURL(/step=trust/);
    await expect(page.getByRole("alert").filter({ hasText: "An account ID is 12 digits" })).toBeVisible();
    await page.getByTestId("account-id").fill("444455556666");
    await assertPreviewShows(page, externalId);
    await page.getByTestId("wizard-next").click();
    await expect(page).toHaveURL(/step=permissions/);
    await page.goBack();
    await expect(page).toHaveURL(/step=trust&entity=account/);
    await expect(page.getByTestId("external-id")).toHaveValue(externalId);
    await expect(page.getByTestId("account-id")).toHaveValue("444455556666");
    await nextToReview(page, name);
    await submitCreateRole(page, name);
    await assertRoleTrustShows(page, name, ["arn:aws:iam::444455556666:root", "sts:ExternalId", externalId]);
    expect(await getTrustPolicyViaApi(page.request, name)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": externalId } } }],
    });
  });

  test("a GitHub Actions role from a registered OIDC provider, sub built from organization, repository and branch", async ({ page, api, providers }) => {
    const name = uniqueName("gha");
    api.track(name);
    const github = await ensureOidcProvider(page.request, "https://token.actions.githubusercontent.com", "sts.amazonaws.com");
    if (github.created) providers.track(github.arn);
    await openTrustStep(page);
    await chooseEntity(page, "web-identity");
    await page.getByTestId("web-identity-provider").selectOption(github.arn);
    await expect(page.getByTestId("web-identity-audience")).toHaveValue("sts.amazonaws.com");
    await expect(page.getByTestId("github-sub-warning")).toContainText("any GitHub repository");
    await page.getByTestId("github-org").fill("acme");
    await expect(page.getByTestId("github-sub-warning")).toContainText("Every repository of acme");
    await page.getByTestId("github-repo").fill("infra");
    await expect(page.getByTestId("github-sub-warning")).toContainText("Every branch");
    await page.getByTestId("github-branch").fill("main");
    await expect(page.getByTestId("github-sub-warning")).toBeHidden();
    await expect(page.getByTestId("github-sub")).toHaveText("repo:acme/infra:ref:refs/heads/main");
    await assertPreviewShows(page, "repo:acme/infra:ref:refs/heads/main");
    await nextToReview(page, name);
    await submitCreateRole(page, name);
    await assertRoleTrustShows(page, name, ["token.actions.githubusercontent.com:sub", "repo:acme/infra:ref:refs/heads/main"]);
    expect(await getTrustPolicyViaApi(page.request, name)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: github.arn },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
            StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/infra:ref:refs/heads/main" },
          },
        },
      ],
    });
  });

  test("a SAML role with console access adds the SAML:aud condition", async ({ page, api, providers }) => {
    const name = uniqueName("saml");
    api.track(name);
    const saml = await providers.ensureDemo("saml");
    await openTrustStep(page, "&entity=saml");
    await expect(page.getByTestId("entity-saml")).toBeChecked();
    await page.getByTestId("saml-provider").selectOption(saml);
    await page.getByTestId("saml-access-programmatic").check();
    await assertPreviewShows(page, "SAML:sub");
    await page.getByTestId("saml-access-console").check();
    await assertPreviewShows(page, "https://signin.aws.amazon.com/saml");
    await nextToReview(page, name);
    await submitCreateRole(page, name);
    await assertRoleTrustShows(page, name, ["sts:AssumeRoleWithSAML", "SAML:aud", "https://signin.aws.amazon.com/saml"]);
    expect(await getTrustPolicyViaApi(page.request, name)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Federated: saml }, Action: "sts:AssumeRoleWithSAML", Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }],
    });
  });

  test("Edit as JSON opens the built policy in the editor as a custom trust policy", async ({ page }) => {
    await openTrustStep(page, "&entity=service&service=step-functions");
    await expect(page.getByTestId("service-step-functions")).toBeChecked();
    await page.getByTestId("open-in-editor").click();
    await expect(page).toHaveURL(/entity=custom/);
    await expect(page.getByTestId("create-trust-editor")).toBeVisible();
    await assertPreviewShows(page, "states.amazonaws.com");
  });

  for (const scheme of ["light", "dark"] as ColourScheme[]) {
    test(`the step passes axe in ${scheme} mode for every entity type`, async ({ page }, info) => {
      await useColourScheme(page, scheme);
      await openTrustStep(page, "&entity=service&service=ec2");
      for (const entity of ["service", "account", "web-identity", "saml", "custom"] as const) {
        await chooseEntity(page, entity);
        if (entity === "account") {
          await page.getByTestId("account-other").check();
          await page.getByTestId("require-external-id").check();
        }
        await expect(page.getByTestId(entity === "custom" ? "create-trust-editor" : "trust-preview")).toBeVisible();
        await assertNoAxeViolations(page);
        await page.screenshot({ path: info.outputPath(`trust-${entity}-${scheme}.png`), fullPage: true });
      }
    });
  }
});
