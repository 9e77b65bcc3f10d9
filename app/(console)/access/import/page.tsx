import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ImportUpload } from "@/components/access/import/import-upload";

export const metadata: Metadata = { title: "Import accounts" };

export default function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import accounts"
        description="Bring a real AWS account in for review: its users, groups, roles, instance profiles and managed policies as they are in AWS (ids, ARNs, paths, dates, tags, versions). The same import as npx roleplane import."
      />
      <ImportUpload />
    </>
  );
}
