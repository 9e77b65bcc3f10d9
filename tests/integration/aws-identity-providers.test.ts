import { describe, expect, inject, it } from "vitest";
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetSAMLProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  TagSAMLProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UntagSAMLProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
} from "@aws-sdk/client-iam";
import { generateDemoOidcKeys, generateDemoSamlIdentity } from "@/lib/federation/demo-idp";
import { failure, iamClient, rawRequest, uniqueName } from "./support/aws";

/**
 * Every IAM identity-provider action through the official SDK client against a running Roleplane, with AWS's
 * refusals, plus Roleplane's own JWKS member sent as a raw signed Query request (the SDK does not know it).
 */

const baseUrl = inject("baseUrl");
const credentials = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, credentials);
const ACCOUNT = "111111111111";
const THUMB = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

describe("OpenID Connect providers through the AWS SDK", () => {
  it("creates, reads, lists, changes, tags and deletes a provider", async () => {
    const host = `${uniqueName("issuer")}.example.com`;
    const created = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${host}/ci`, ClientIDList: ["sts.amazonaws.com"], ThumbprintList: [THUMB], Tags: [{ Key: "team", Value: "ci" }] }));
    const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}/ci`;
    expect(created).toMatchObject({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "team", Value: "ci" }] });

    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(got).toMatchObject({ Url: `${host}/ci`, ClientIDList: ["sts.amazonaws.com"], ThumbprintList: [THUMB], Tags: [{ Key: "team", Value: "ci" }] });
    expect(got.CreateDate).toBeInstanceOf(Date);
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toContainEqual({ Arn: arn });

    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: "my-app" }));
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: "my-app" }));
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: "sts.amazonaws.com" }));
    await iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [] }));
    await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "env", Value: "prod" }] }));
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ["team"] }));
    expect(await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).toMatchObject({ ClientIDList: ["my-app"], ThumbprintList: [] });
    expect(await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).toMatchObject({ Tags: [{ Key: "env", Value: "prod" }], IsTruncated: false });

    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(await failure(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).toEqual({ code: "NoSuchEntity", status: 404, message: `OpenIDConnect Provider not found for arn ${arn}` });
  });

  it("refuses what IAM refuses", async () => {
    const url = `https://${uniqueName("dup")}.example.com`;
    await iam.send(new CreateOpenIDConnectProviderCommand({ Url: url }));
    expect(await failure(iam.send(new CreateOpenIDConnectProviderCommand({ Url: url })))).toEqual({ code: "EntityAlreadyExists", status: 409, message: `Provider with url ${url} already exists.` });
    expect((await failure(iam.send(new CreateOpenIDConnectProviderCommand({ Url: "http://plain.example.com" })))).code).toBe("InvalidInput");
    const short = await failure(iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${uniqueName("t")}.example.com`, ThumbprintList: ["abc"] })));
    expect(short).toMatchObject({ code: "ValidationError", message: "1 validation error detected: Value 'abc' at 'thumbprintList.1.member' failed to satisfy constraint: Member must have length greater than or equal to 40" });
    const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/${url.slice(8)}`;
    expect((await failure(iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "a", Value: "1" }, { Key: "A", Value: "2" }] })))).message).toBe(
      "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    );
    expect((await failure(iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: `${arn}-missing`, ClientID: "x" })))).code).toBe("NoSuchEntity");
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  });

  it("takes the issuer's keys as Roleplane's Jwks member, and refuses a private key", async () => {
    const host = `${uniqueName("jwks")}.example.com`;
    const keys = await generateDemoOidcKeys();
    const call = (Jwks: string) => rawRequest({ baseUrl, credentials, params: { Action: "CreateOpenIDConnectProvider", Version: "2010-05-08", Url: `https://${host}`, "ClientIDList.member.1": "app", Jwks } });
    const bad = await call(JSON.stringify({ keys: [{ ...keys.jwks.keys[0], d: "private" }] }));
    expect(bad).toMatchObject({ status: 400, code: "InvalidInput" });
    expect((await call(JSON.stringify(keys.jwks))).status).toBe(200);
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}` }));
  });
});

describe("SAML providers through the AWS SDK", () => {
  it("creates, reads, lists, updates, tags and deletes a provider", async () => {
    const name = uniqueName("Corp");
    const idp = generateDemoSamlIdentity(`https://${name}.example.com/saml`);
    const created = await iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadataXml, Tags: [{ Key: "owner", Value: "it" }] }));
    const arn = `arn:aws:iam::${ACCOUNT}:saml-provider/${name}`;
    expect(created.SAMLProviderArn).toBe(arn);

    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got).toMatchObject({ SAMLMetadataDocument: idp.metadataXml, Tags: [{ Key: "owner", Value: "it" }] });
    expect(got.SAMLProviderUUID).toMatch(/^[A-Z0-9]{22,64}$/);
    expect((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn)).toContain(arn);

    const renewed = idp.metadataXml.replace(/entityID="[^"]+"/, (m) => `${m} validUntil="2031-06-01T00:00:00Z"`);
    expect((await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: renewed }))).SAMLProviderArn).toBe(arn);
    expect((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).ValidUntil).toEqual(new Date("2031-06-01T00:00:00Z"));

    await iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: arn, Tags: [{ Key: "cost", Value: "42" }] }));
    await iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ["owner"] }));
    expect((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }))).Tags).toEqual([{ Key: "cost", Value: "42" }]);

    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(await failure(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn })))).toEqual({ code: "NoSuchEntity", status: 404, message: `Manifest not found for arn ${arn}` });
  });

  it("refuses metadata it cannot read, a duplicate name, and an update with nothing in it", async () => {
    const name = uniqueName("Dup");
    const idp = generateDemoSamlIdentity("https://dup.example.com/saml");
    const notMetadata = `<html>${"x".repeat(1200)}</html>`;
    expect(await failure(iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: notMetadata })))).toEqual({
      code: "InvalidInput",
      status: 400,
      message: "Could not parse metadata: its root element is not a SAML 2.0 metadata EntityDescriptor.",
    });
    const xxe = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${idp.metadataXml.replace(/^<\?xml[^>]*>/, "")}`;
    expect((await failure(iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: xxe })))).message).toMatch(/document type declaration/);
    expect((await failure(iam.send(new CreateSAMLProviderCommand({ Name: "bad name!", SAMLMetadataDocument: idp.metadataXml })))).code).toBe("ValidationError");
    await iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadataXml }));
    expect((await failure(iam.send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadataXml })))).code).toBe("EntityAlreadyExists");
    const arn = `arn:aws:iam::${ACCOUNT}:saml-provider/${name}`;
    expect((await failure(iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn })))).message).toBe("Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
  });
});
