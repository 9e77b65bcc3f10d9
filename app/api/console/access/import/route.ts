import { z } from "zod";
import { authorize, consoleRoute, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { importUploadStages, readImportUpload } from "@/lib/iam/account-import-upload";

const fileNameSchema = z.string().min(1).max(255).default("upload.json");

/**
 * One file `aws iam get-account-authorization-details` printed, as the request body. A file refused before the
 * import starts gets an error status; otherwise the answer is NDJSON, one line per stage (received, parsed, checked,
 * written per account, then done or failed), for the upload page's progress bar.
 */
export const POST = consoleRoute(async (req, { session, ctx }) => {
  authorize(canMutate(session));
  const name = parseValue(fileNameSchema, req.nextUrl.searchParams.get("file") ?? undefined);
  const text = await readImportUpload(req);
  const stages = importUploadStages(ctx, name, text);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await stages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
