import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { goToRole } from "./helpers/roles";

const lambdaTrust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] });

test.describe("who can pass a role", () => {
  test("the trust tab lists the principals whose policies let them pass the role to its service, with the deciding statement", async ({ page, api, users }) => {
    const role = await api.createRole({ trust: lambdaTrust });
    const deployer = await users.createUser(uniqueName("deployer"));
    await users.putInlinePolicy(deployer.name, "pass-to-lambda", {
      Version: "2012-10-17",
      Statement: [{ Sid: "PassToLambda", Effect: "Allow", Action: "iam:PassRole", Resource: role.arn, Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }],
    });
    const elsewhere = await users.createUser(uniqueName("ec2-only"));
    await users.putInlinePolicy(elsewhere.name, "pass-to-ec2", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }],
    });

    await goToRole(page, role.name, "trust");
    await expect(page.getByText("Roleplane analysis")).toBeVisible();
    const row = page.getByTestId("pass-role-row").filter({ has: page.getByTestId("pass-role-principal").getByText(deployer.name, { exact: true }) });
    await expect(row.getByTestId("pass-role-service")).toHaveText("lambda.amazonaws.com");
    await expect(row.getByTestId("pass-role-allowed-by")).toContainText("pass-to-lambda (inline), statement “PassToLambda”");
    await expect(page.getByTestId("pass-role-principal").getByText(elsewhere.name, { exact: true })).toHaveCount(0);
  });
});
