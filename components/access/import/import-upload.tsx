"use client";
import { useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FileJson, Upload } from "lucide-react";
import type { ImportedAccountSummary } from "@/lib/domain/authorization-details-file";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { Card, EmptyState } from "@/components/ui/states";
import { cn } from "@/components/ui/cn";
import { IMPORT_LIMIT_MIB, precheckImportFile, uploadImport, type UploadEvent } from "./upload-import";
import { ImportFileRow, type ImportFileState } from "./import-file-row";

/**
 * The import upload page: files `aws iam get-account-authorization-details` printed, each checked here for size and
 * JSON, then uploaded one after another with its progress (upload, then the server's parsed / checked / written
 * stages) and what it imported or the entry at fault. The import is the command line's (lib/iam/account-import).
 */
export function ImportUpload() {
  const readOnly = useReadOnlyReason();
  const [files, setFiles] = useState<ImportFileState[]>([]);
  const [dragging, setDragging] = useState(false);
  const queue = useRef(Promise.resolve());
  const queryClient = useQueryClient();
  const router = useRouter();

  const update = (id: number, change: Partial<ImportFileState> | ((f: ImportFileState) => Partial<ImportFileState>)) =>
    setFiles((all) => all.map((f) => (f.id === id ? { ...f, ...(typeof change === "function" ? change(f) : change) } : f)));

  const run = async (id: number, file: File) => {
    const checked = await precheckImportFile(file);
    if ("refused" in checked) return update(id, { status: "refused", error: checked.refused });
    update(id, { status: "uploading" });
    const end = await uploadImport(file.name, checked.text, {
      uploaded: (fraction) => update(id, { uploaded: fraction }),
      stage: (e: UploadEvent) =>
        update(id, (f) => ({
          status: "importing",
          stage: e.stage,
          accounts: e.stage === "parsed" ? e.accounts : f.accounts,
          summaries: e.stage === "written" ? [...f.summaries, e.summary] : f.summaries,
        })),
    });
    if (end.stage === "failed") update(id, { status: "failed", error: end.error.message });
    else {
      update(id, { status: "done", stage: "done" });
      await queryClient.invalidateQueries();
      router.refresh();
    }
  };

  const add = (list: FileList | null) => {
    if (!list?.length || readOnly) return;
    const added = [...list].map((file, i) => ({ id: Date.now() + i, file }));
    setFiles((all) => [...added.map(({ id, file }) => ({ id, name: file.name, size: file.size, status: "checking" as const, uploaded: 0, stage: null, accounts: [], summaries: [] as ImportedAccountSummary[] })), ...all]);
    // One import at a time: each account is one transaction, and the store serializes writers anyway.
    for (const { id, file } of added) queue.current = queue.current.then(() => run(id, file));
  };

  return (
    <div className="flex flex-col gap-5">
      <Card title="Upload files" description={`JSON that aws iam get-account-authorization-details printed, one account per file, at most ${IMPORT_LIMIT_MIB} MiB each. Each file is checked whole before anything is written: a fault names the entry and imports nothing.`}>
        <label
          data-testid="import-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(!readOnly);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            add(e.dataTransfer.files);
          }}
          className={cn(
            "flex flex-col items-center gap-2 rounded-xl border-2 border-dashed border-border-strong px-6 py-10 text-center transition-colors",
            "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            readOnly ? "cursor-not-allowed opacity-60" : "cursor-pointer hover:bg-surface-2",
            dragging && "border-accent bg-accent-soft",
          )}
        >
          <Upload aria-hidden className="size-6 text-fg-muted" />
          <span className="text-sm font-medium text-fg">Drop files here or choose them</span>
          <span className="text-[13px] text-fg-muted">{readOnly ?? `.json, up to ${IMPORT_LIMIT_MIB} MiB each; several files import one after another.`}</span>
          <input
            type="file"
            multiple
            accept=".json,application/json"
            disabled={!!readOnly}
            data-testid="import-file-input"
            aria-label="Choose files to import"
            className="sr-only"
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = "";
            }}
          />
        </label>
      </Card>
      <Card padded={false} title="Imports" description="This session's uploads, newest first.">
        {files.length === 0 ? (
          <EmptyState icon={<FileJson aria-hidden className="size-5" />} title="Nothing imported yet">
            In AWS, run <code className="font-mono">aws iam get-account-authorization-details &gt; account.json</code> and upload the file here.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border" data-testid="import-files">
            {files.map((f) => <ImportFileRow key={f.id} file={f} />)}
          </ul>
        )}
      </Card>
    </div>
  );
}
