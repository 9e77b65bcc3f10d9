import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ConsoleUsersList } from "@/components/console-users/console-users-list";
import { formatDuration } from "@/components/format";
import { consoleSessionMaxAgeSeconds } from "@/lib/config";

export const metadata: Metadata = { title: "Console users" };

export default function ConsoleUsersPage() {
  return (
    <>
      <PageHeader
        title="Console users"
        description={`The people who sign in to this console: admins change things, viewers only look. The operator sets them; they are separate from IAM users. A sign-in lasts ${formatDuration(consoleSessionMaxAgeSeconds())} (ROLEPLANE_SESSION_MAX_AGE).`}
      />
      <ConsoleUsersList />
    </>
  );
}
