"use client";
import { useTransition } from "react";
import { useRouter, usePathname } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import { fetchJson } from "@/components/api/fetch-json";
import { useToast } from "@/components/ui/toast";
import { useConsole } from "./console-context";

/** Switching account drops every cached answer: all of them belong to the account they were asked in. */
export function AccountSwitcher() {
  const { account, accounts } = useConsole();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [pending, startTransition] = useTransition();

  async function choose(accountId: string) {
    try {
      await fetchJson("/api/console/account", { method: "PUT", body: { accountId } });
      queryClient.clear();
      const section = "/" + (pathname.split("/")[1] ?? "roles");
      startTransition(() => {
        router.push(section);
        router.refresh();
      });
    } catch (e) {
      toast({ tone: "error", title: "Could not switch account", message: (e as Error).message });
    }
  }

  return (
    <label className="flex items-center gap-2 rounded-lg border border-border bg-surface-2 py-1 pr-1 pl-2.5 text-[13px]">
      <Building2 aria-hidden className="size-4 text-fg-subtle" />
      <span className="sr-only">Account</span>
      <select
        data-testid="account-switcher"
        value={account.id}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
        className="rounded-md bg-transparent py-0.5 pr-1 font-medium text-fg focus:outline-none focus-visible:outline-2 focus-visible:outline-ring"
      >
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.alias ? `${a.alias} · ${a.id}` : a.id}
          </option>
        ))}
      </select>
    </label>
  );
}
