import { AwsError } from "@/lib/iam/errors";

/**
 * Reads a request body, refusing it before it is buffered when it is over `limit` bytes: by its Content-Length when
 * the client sent one, else as soon as the streamed bytes pass the limit. Used by every route that reads a body
 * before it knows who sent it, so one huge upload cannot take the server's memory.
 */
export async function readBoundedBody(req: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new AwsError("RequestEntityTooLarge", `Request body must be at most ${limit} bytes.`, 413);
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}
