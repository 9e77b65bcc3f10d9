import type { XmlError } from "./xml";

/**
 * Protocol-level refusals whose codes the core never raises (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html):
 * a missing action, a request too large to read. Rendered in the same XML envelope as every AwsError.
 */
export class ProtocolError extends Error implements XmlError {
  readonly type = "Sender" as const;
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
