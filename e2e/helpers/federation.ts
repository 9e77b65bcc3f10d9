import { expect, type Page } from "@playwright/test";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { toFederatedSignIn } from "@/components/roles/routes";
import { E2E } from "../support/env";
import { openConsolePage } from "./navigation";

/** Every selector for federation (adding an OIDC provider, the role's federated sign-in page) lives here. */

export const webIdentityTrust = (providerArn: string, subKey: string, sub: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Federated: providerArn }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [subKey]: sub } } }],
  });

export async function addOidcProvider(page: Page, p: { url: string; audience: string; jwks: string }) {
  await page.getByTestId("add-oidc-provider").click();
  await page.getByTestId("oidc-url").fill(p.url);
  await page.getByTestId("oidc-audiences").fill(p.audience);
  await page.getByTestId("oidc-jwks").fill(p.jwks);
  await page.getByTestId("confirm-create-oidc").click();
  await expect(page.getByTestId("provider-title")).toHaveText(p.url);
}

export async function goToFederatedSignIn(page: Page, roleName: string) {
  await openConsolePage(page, toFederatedSignIn(roleName));
  await expect(page.getByRole("heading", { name: `Sign in to ${roleName}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("federated-sign-in-form")).toBeVisible();
}

export async function fillPastedCredential(page: Page, value: string) {
  await page.getByTestId("sign-in-credential").fill(value);
}

export async function fillTestIdpSubject(page: Page, subject: string) {
  await page.getByTestId("sign-in-method-test-idp").check();
  await page.getByTestId("sign-in-subject-input").fill(subject);
}

/** Signs in and returns the credentials the page shows. */
export async function clickSignInGranted(page: Page) {
  await page.getByTestId("federated-sign-in").click();
  await expect(page.getByTestId("sign-in-granted")).toBeVisible();
  return {
    accessKeyId: await page.getByTestId("sign-in-access-key-id").inputValue(),
    secretAccessKey: await page.getByTestId("sign-in-secret").inputValue(),
    sessionToken: await page.getByTestId("sign-in-session-token").inputValue(),
  };
}

export async function clickSignInRefused(page: Page, code: string, message: string) {
  await page.getByTestId("federated-sign-in").click();
  await expect(page.getByTestId("sign-in-refused")).toBeVisible();
  await expect(page.getByTestId("sign-in-error-code")).toHaveText(code);
  await expect(page.getByTestId("sign-in-error-message")).toHaveText(message);
}

export const stsAt = (credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
  new STSClient({ endpoint: `${E2E.baseURL}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });

/** Who the credentials are, asked of Roleplane's STS as any AWS client would. */
export const callerArn = async (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) =>
  (await stsAt(credentials).send(new GetCallerIdentityCommand({}))).Arn;
