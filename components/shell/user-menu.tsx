"use client";
import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { useConsole } from "./console-context";

export function UserMenu() {
  const { user } = useConsole();
  const initials = (user.name || user.email).slice(0, 1).toUpperCase();
  return (
    <div className="flex items-center gap-3">
      <div className="flex items-center gap-2.5" data-testid="signed-in-user">
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-accent-soft text-[13px] font-semibold text-accent-soft-fg">
          {initials}
        </span>
        <div className="hidden leading-tight lg:block">
          <p className="text-[13px] font-medium text-fg">{user.name || user.email}</p>
          <p className="text-xs text-fg-subtle">{user.email}</p>
        </div>
        <Badge tone={user.role === "admin" ? "accent" : "warning"}>
          <span data-testid="console-role">{user.role === "admin" ? "Admin" : "Viewer · read-only"}</span>
        </Badge>
      </div>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-[13px] font-medium text-fg-muted hover:bg-surface-2 hover:text-fg"
      >
        <LogOut aria-hidden className="size-4" />
        Sign out
      </button>
    </div>
  );
}
