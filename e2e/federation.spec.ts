import { AssumeRoleWithWebIdentityCommand } from "@aws-sdk/client-sts";
import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { generateDemoOidcKeys, mintDemoJwt } from "@/lib/federation/demo-idp";
import { goToIdentityProviders } from "./helpers/identity-providers";
import { goToRole } from "./helpers/roles";
import { openConsolePage } from "./helpers/navigation";
import { toFederatedSignIn } from "@/components/roles/routes";
import {
  addOidcProvider,
  callerArn,
  clickSignInGranted,
  clickSignInRefused,
  fillPastedCredential,
  fillTestIdpSubject,
  goToFederatedSignIn,
  stsAt,
  webIdentityTrust,
} from "./helpers/federation";

const ACCT = "111111111111";
const SUB = "repo:acme/app:ref:refs/heads/main";

test.describe("federation end to end", () => {
  test("an OIDC provider added in the console, a role trusting it, a token its keys signed: AssumeRoleWithWebIdentity, then the credentials call STS", async ({ page, api, providers }) => {
    const keys = await generateDemoOidcKeys();
    const host = `${uniqueName("issuer")}.example.com`;
    await goToIdentityProviders(page);
    await addOidcProvider(page, { url: `https://${host}`, audience: "sts.amazonaws.com", jwks: JSON.stringify(keys.jwks) });
    const providerArn = `arn:aws:iam::${ACCT}:oidc-provider/${host}`;
    providers.track(providerArn);
    const role = await api.createRole({ trust: webIdentityTrust(providerArn, `${host}:sub`, SUB) });
    // The identity provider's side: the test identity provider's signer with the keys whose public half was uploaded.
    const mint = async (subject: string) =>
      (await mintDemoJwt({ issuer: `https://${host}`, privateKeyPem: keys.privateKeyPem, kid: keys.kid }, { subject, audience: "sts.amazonaws.com", expiresInSeconds: 900, claims: {} })).token;

    // As a CI job calls it: unsigned, through the SDK.
    const out = await stsAt().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: role.arn, RoleSessionName: "ci", WebIdentityToken: await mint(SUB) }));
    expect(out.Provider).toBe(providerArn);
    const fromApi = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    expect(await callerArn(fromApi)).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/ci`);

    // As a person tries it: the trust tab leads to the sign-in page, where a token is pasted.
    await goToRole(page, role.name, "trust");
    await page.getByTestId("federated-sign-in-link").click();
    await expect(page.getByTestId("federated-sign-in-form")).toBeVisible();
    await fillPastedCredential(page, await mint(SUB));
    const fromConsole = await clickSignInGranted(page);
    await expect(page.getByTestId("sign-in-session-arn")).toHaveText(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/console-sign-in`);
    await expect(page.getByTestId("sign-in-provider")).toHaveText(providerArn);
    expect(await callerArn(fromConsole)).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/console-sign-in`);

    await fillPastedCredential(page, await mint("repo:evil/app:ref:refs/heads/main"));
    await clickSignInRefused(page, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    await expect(page.getByTestId("sign-in-explanation")).toBeVisible();
  });

  test("the test identity provider signs a person in to a web identity role, and a subject the trust policy does not name is refused with the reason", async ({ page, api, providers }) => {
    const oidcArn = await providers.ensureDemo("oidc");
    const role = await api.createRole({ trust: webIdentityTrust(oidcArn, `demo-idp.roleplane.test/${ACCT}:sub`, SUB) });
    await goToFederatedSignIn(page, role.name);
    await fillTestIdpSubject(page, SUB);
    const credentials = await clickSignInGranted(page);
    await expect(page.getByTestId("sign-in-subject")).toHaveText(SUB);
    expect(await callerArn(credentials)).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/console-sign-in`);

    await fillTestIdpSubject(page, "repo:acme/app:pull_request");
    await clickSignInRefused(page, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    await expect(page.getByTestId("sign-in-explanation")).toContainText(/trust policy/i);
  });

  test("the test SAML provider signs a person in to a SAML role", async ({ page, api, providers }) => {
    const samlArn = await providers.ensureDemo("saml");
    const role = await api.createRole({
      trust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: samlArn }, Action: "sts:AssumeRoleWithSAML", Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }] }),
    });
    await goToFederatedSignIn(page, role.name);
    await fillTestIdpSubject(page, "ada@example.com");
    await page.getByTestId("sign-in-session-name").fill("ada");
    const credentials = await clickSignInGranted(page);
    await expect(page.getByTestId("sign-in-subject")).toHaveText("ada@example.com");
    expect(await callerArn(credentials)).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role.name}/ada`);
  });

  test("a role that trusts no identity provider says so", async ({ page, api }) => {
    const role = await api.createRole();
    await openConsolePage(page, toFederatedSignIn(role.name));
    await expect(page.getByText("This role trusts no identity provider")).toBeVisible();
  });
});
