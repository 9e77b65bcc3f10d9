import { AwsError } from "@/lib/domain/errors";

/** For core tests: awaits a call that must be refused and returns the AwsError (anything else fails the test). */
export async function refusal(p: Promise<unknown>): Promise<AwsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  throw new Error("expected an AwsError");
}
