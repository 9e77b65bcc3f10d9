import { describe, expect, it } from "vitest";
import { encodePolicyDocument, escapeXml, renderElement, renderError, renderResponse } from "./xml";

const NS = "https://iam.amazonaws.com/doc/2010-05-08/";

describe("renderResponse", () => {
  it("wraps the result and the request id in AWS's envelope", () => {
    expect(renderResponse("GetRole", NS, { Role: { RoleName: "app", MaxSessionDuration: 3600 } }, "req-1")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<GetRoleResponse xmlns="${NS}"><GetRoleResult><Role><RoleName>app</RoleName><MaxSessionDuration>3600</MaxSessionDuration></Role></GetRoleResult>` +
        "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetRoleResponse>",
    );
  });

  it("has no Result element for actions without output, and an empty one for empty output", () => {
    expect(renderResponse("DeleteRole", NS, undefined, "r")).not.toContain("DeleteRoleResult");
    expect(renderResponse("UpdateRole", NS, {}, "r")).toContain("<UpdateRoleResult/>");
  });
});

describe("renderElement", () => {
  it("renders lists as member elements, booleans in lower case and dates as whole-second ISO-8601", () => {
    expect(
      renderElement("R", {
        Tags: [{ Key: "a", Value: "1" }],
        Names: ["x", "y"],
        IsTruncated: false,
        CreateDate: new Date("2026-11-28T00:00:00.123Z"),
      }),
    ).toBe(
      "<R><Tags><member><Key>a</Key><Value>1</Value></member></Tags><Names><member>x</member><member>y</member></Names>" +
        "<IsTruncated>false</IsTruncated><CreateDate>2026-11-28T00:00:00Z</CreateDate></R>",
    );
  });

  it("omits undefined and null members and renders an empty list as an empty element", () => {
    expect(renderElement("R", { A: undefined, B: null, C: [] })).toBe("<R><C/></R>");
    expect(renderElement("RoleLastUsed", { LastUsedDate: undefined })).toBe("<RoleLastUsed/>");
  });

  it("escapes markup characters in text", () => {
    expect(escapeXml(`<a & "b" 'c'>\r`)).toBe("&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;&#xD;");
    expect(renderElement("Description", "x</Description><Evil>")).toBe("<Description>x&lt;/Description&gt;&lt;Evil&gt;</Description>");
  });
});

describe("encodePolicyDocument", () => {
  it("URL-encodes per RFC 3986, which also escapes !'()*", () => {
    const doc = `{"Version": "2012-10-17", "Statement": [{"Sid": "it's (a)*!"}]}`;
    const encoded = encodePolicyDocument(doc);
    expect(encoded).toBe(
      "%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22Statement%22%3A%20%5B%7B%22Sid%22%3A%20%22it%27s%20%28a%29%2A%21%22%7D%5D%7D",
    );
    expect(decodeURIComponent(encoded)).toBe(doc);
  });
});

describe("renderError", () => {
  it("renders the error envelope with type, code, message and request id", () => {
    expect(renderError({ code: "NoSuchEntity", message: "The role with name x cannot be found.", type: "Sender" }, NS, "r")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>` +
        "<Message>The role with name x cannot be found.</Message></Error><RequestId>r</RequestId></ErrorResponse>",
    );
  });
});
