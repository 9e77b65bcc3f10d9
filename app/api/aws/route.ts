import { handleAwsRequest } from "@/lib/aws-api/handler";

/**
 * The AWS IAM (and, later, STS) Query API. AWS accepts POST with a form body and GET with a query string; both
 * land in the same handler, which verifies SigV4 and answers in AWS's XML.
 */
export const runtime = "nodejs";

export const POST = (req: Request) => handleAwsRequest(req);
export const GET = (req: Request) => handleAwsRequest(req);
