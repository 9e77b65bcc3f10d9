import { AwsError, isAwsError } from "@/lib/domain/errors";
import { IMPORT_FILE_LIMITS, type ImportUploadEvent } from "@/lib/domain/authorization-details-file";
import { readBoundedBody } from "@/lib/http/body";
import { jsonDepth } from "@/lib/http/json-body";
import { ImportError, importAuthorizationDetails } from "./account-import";
import type { RequestContext } from "./context";

/**
 * The console's import upload: one file's text, bounded and checked before any of it is parsed, then the import
 * the command line runs (lib/iam/account-import), its stages reported as they happen.
 */

/** The uploaded file's text; an AwsError (413/400) for a file too large, not UTF-8, nested too deep or not JSON. */
export async function readImportUpload(req: Request): Promise<string> {
  const bytes = await readBoundedBody(req, IMPORT_FILE_LIMITS.bytes).catch((e) => {
    throw isAwsError(e) && e.status === 413 ? new AwsError("RequestEntityTooLarge", `The file must be at most ${IMPORT_FILE_LIMITS.bytes / 1024 / 1024} MiB.`, 413) : e;
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AwsError("InvalidInput", "The file is not UTF-8 text.");
  }
  if (jsonDepth(text, IMPORT_FILE_LIMITS.depth) > IMPORT_FILE_LIMITS.depth)
    throw new AwsError("InvalidInput", `The file nests deeper than ${IMPORT_FILE_LIMITS.depth} levels; get-account-authorization-details output nests about a dozen.`);
  try {
    JSON.parse(text);
  } catch {
    throw new AwsError("InvalidInput", "The file is not JSON: upload what aws iam get-account-authorization-details printed.");
  }
  return text;
}

/** Imports the file, yielding each stage; a fault ends in `failed` with the entry named, and nothing is written. */
export async function* importUploadStages(ctx: RequestContext, name: string, text: string): AsyncGenerator<ImportUploadEvent> {
  yield { stage: "received", bytes: new TextEncoder().encode(text).byteLength };
  const events: ImportUploadEvent[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  const push = (e: ImportUploadEvent) => {
    events.push(e);
    wake?.();
  };
  importAuthorizationDetails([{ name, text }], { actor: ctx.actor, source: "console", onStage: push })
    .then(() => push({ stage: "done" }))
    .catch((e) => {
      if (!(e instanceof ImportError) && !isAwsError(e)) console.error(`[console ${ctx.requestId}] import`, e);
      push({
        stage: "failed",
        error: e instanceof ImportError ? { code: "InvalidInput", message: `${e.message}; nothing was imported.` }
          : isAwsError(e) ? { code: e.code, message: e.message }
          : { code: "ServiceFailure", message: "Something went wrong on the server; nothing was imported." },
      });
    })
    .finally(() => {
      finished = true;
      wake?.();
    });
  while (true) {
    while (events.length) {
      const e = events.shift()!;
      yield e;
      if (e.stage === "done" || e.stage === "failed") return;
    }
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
