import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createRoleCommands, shellQuote } from "./create-role";

const endpoint = "http://localhost:3000/api/aws";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }, null, 2);
const inline = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::it\'s/*"}]}';

/** The arguments a POSIX shell passes for a command line, the program's name swapped for printf. */
function argvOf(commandLine: string): string[] {
  const out = execFileSync("sh", ["-c", commandLine.replace(/^aws /, "printf '%s\\0' ")], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe("createRoleCommands", () => {
  it("is one create-role for a bare role, with the trust policy on one line and the default session left out", () => {
    const [create, ...rest] = createRoleCommands({ RoleName: "app", AssumeRolePolicyDocument: trust, MaxSessionDuration: 3600 }, endpoint);
    expect(rest).toEqual([]);
    expect(create.action).toBe("CreateRole");
    expect(argvOf(create.command)).toEqual(["iam", "create-role", "--endpoint-url", endpoint, "--role-name", "app", "--assume-role-policy-document", JSON.stringify(JSON.parse(trust))]);
  });

  it("names every choice of the wizard, one IAM action each, in the order the console makes them", () => {
    const commands = createRoleCommands(
      {
        RoleName: "web",
        Path: "/apps/",
        Description: "Web tier's role",
        MaxSessionDuration: 7200,
        AssumeRolePolicyDocument: trust,
        PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/team/Deploy"],
        InlinePolicies: [{ PolicyName: "s3-read", PolicyDocument: inline }],
        PermissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess",
        Tags: [{ Key: "team", Value: "web platform" }, { Key: "env", Value: "" }],
        CreateInstanceProfile: true,
      },
      endpoint,
    );
    expect(commands.map((c) => c.action)).toEqual([
      "CreateRole",
      "AttachRolePolicy",
      "AttachRolePolicy",
      "PutRolePolicy",
      "PutRolePermissionsBoundary",
      "TagRole",
      "CreateInstanceProfile",
      "AddRoleToInstanceProfile",
    ]);
    const argv = commands.map((c) => argvOf(c.command));
    expect(argv[0]).toEqual(["iam", "create-role", "--endpoint-url", endpoint, "--role-name", "web", "--path", "/apps/", "--description", "Web tier's role", "--max-session-duration", "7200", "--assume-role-policy-document", JSON.stringify(JSON.parse(trust))]);
    expect(argv[2]).toEqual(["iam", "attach-role-policy", "--endpoint-url", endpoint, "--role-name", "web", "--policy-arn", "arn:aws:iam::123456789012:policy/team/Deploy"]);
    expect(commands[2].title).toBe("Attach Deploy");
    expect(argv[3].slice(4)).toEqual(["--role-name", "web", "--policy-name", "s3-read", "--policy-document", inline]);
    expect(argv[4].slice(4)).toEqual(["--role-name", "web", "--permissions-boundary", "arn:aws:iam::aws:policy/PowerUserAccess"]);
    expect(argv[5].slice(4)).toEqual(["--role-name", "web", "--tags", "Key=team,Value=web platform", "Key=env,Value="]);
    expect(argv[6].slice(1)).toEqual(["create-instance-profile", "--endpoint-url", endpoint, "--instance-profile-name", "web", "--path", "/apps/"]);
    expect(argv[7].slice(1)).toEqual(["add-role-to-instance-profile", "--endpoint-url", endpoint, "--instance-profile-name", "web", "--role-name", "web"]);
  });

  it("quotes what a shell would split or expand, and leaves plain words bare", () => {
    expect(shellQuote("ReadOnlyAccess")).toBe("ReadOnlyAccess");
    expect(shellQuote("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBe("arn:aws:iam::aws:policy/ReadOnlyAccess");
    for (const hostile of ["a b", "$(touch /tmp/x)", "`id`", "it's", "*", "a\nb", ""]) expect(argvOf(`aws ${shellQuote(hostile)}`)).toEqual([hostile]);
  });
});
