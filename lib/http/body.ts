import { AwsError } from "@/lib/domain/errors";

/**
 * Reads a request body, refusing it before it is buffered when it is over `limit` bytes: by its Content-Length when
 * the client sent one, else as soon as the streamed bytes pass the limit. Used by every route that reads a body
 * before it knows who sent it, so one huge upload cannot take the server's memory. Works on a web Request's body
 * and on node's IncomingMessage alike (both are async iterables of byte chunks).
 */
export async function readBoundedStream(
  chunks: AsyncIterable<Uint8Array> | null,
  declaredLength: string | null | undefined,
  limit: number,
): Promise<Uint8Array> {
  const tooLarge = () => new AwsError("RequestEntityTooLarge", `Request body must be at most ${limit} bytes.`, 413);
  if (declaredLength != null && Number(declaredLength) > limit) throw tooLarge();
  if (!chunks) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    // Leaving the loop early cancels a web stream; node's socket is closed after the answer.
    if (size > limit) throw tooLarge();
    parts.push(chunk);
  }
  if (parts.length === 1) return parts[0];
  const body = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return body;
}

export function readBoundedBody(req: Request, limit: number): Promise<Uint8Array> {
  return readBoundedStream(req.body as AsyncIterable<Uint8Array> | null, req.headers.get("content-length"), limit);
}
