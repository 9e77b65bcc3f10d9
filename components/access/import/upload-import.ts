import { IMPORT_FILE_LIMITS, type ImportUploadEvent as UploadEvent } from "@/lib/domain/authorization-details-file";

export type { UploadEvent };

export const IMPORT_LIMIT_MIB = IMPORT_FILE_LIMITS.bytes / 1024 / 1024;

const LISTS = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

/** The browser's own check before uploading: size, JSON, the shape's top level. A message when refused. */
export async function precheckImportFile(file: File): Promise<{ text: string } | { refused: string }> {
  if (file.size > IMPORT_FILE_LIMITS.bytes) return { refused: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MiB; the limit is ${IMPORT_LIMIT_MIB} MiB. Import larger files with npx roleplane import.` };
  const text = await file.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { refused: `The file is not JSON (${(e as Error).message}).` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value) || !LISTS.some((k) => k in value))
    return { refused: "The file is JSON but not what aws iam get-account-authorization-details prints: it has none of UserDetailList, GroupDetailList, RoleDetailList or Policies." };
  return { text };
}

/**
 * Posts the file and reports upload progress (0–1) and each stage the server streams back. XMLHttpRequest, because
 * fetch reports no upload progress. Resolves with the last event: `done`, or `failed` with the server's message.
 */
export function uploadImport(name: string, text: string, on: { uploaded(fraction: number): void; stage(e: UploadEvent): void }): Promise<UploadEvent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let last: UploadEvent | undefined;
    const drain = () => {
      const body = xhr.responseText;
      let nl: number;
      while ((nl = body.indexOf("\n", read)) >= 0) {
        const line = body.slice(read, nl);
        read = nl + 1;
        if (!line.trim()) continue;
        last = JSON.parse(line) as UploadEvent;
        on.stage(last);
      }
    };
    xhr.open("POST", `/api/console/access/import?file=${encodeURIComponent(name)}`);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && on.uploaded(e.loaded / e.total);
    xhr.upload.onload = () => on.uploaded(1);
    xhr.onprogress = () => xhr.status === 200 && drain();
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let error = { code: "ServiceFailure", message: `The upload failed (HTTP ${xhr.status}).` };
        try {
          error = JSON.parse(xhr.responseText).error ?? error;
        } catch {
          // not our JSON: keep the status
        }
        return resolve({ stage: "failed", error });
      }
      drain();
      resolve(last?.stage === "done" || last?.stage === "failed" ? last : { stage: "failed", error: { code: "ServiceFailure", message: "The server ended the import without an answer; reload to see what was imported." } });
    };
    xhr.onerror = () => resolve({ stage: "failed", error: { code: "NetworkError", message: "The upload did not reach the server." } });
    xhr.send(text);
  });
}
