"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { FileText, FileUp, Fingerprint, FlaskConical, KeyRound, Network, Scale, ScrollText, Server, UserCog, UserRound, UsersRound, Waypoints } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";

const NAV = [
  { href: "/roles", label: "Roles", icon: KeyRound, testId: "nav-roles" },
  { href: "/users", label: "Users", icon: UserRound, testId: "nav-users" },
  { href: "/groups", label: "Groups", icon: UsersRound, testId: "nav-groups" },
  { href: "/policies", label: "Policies", icon: FileText, testId: "nav-policies" },
  { href: "/identity-providers", label: "Identity providers", icon: Fingerprint, testId: "nav-identity-providers" },
  { href: "/instance-profiles", label: "Instance profiles", icon: Server, testId: "nav-instance-profiles" },
];

const TOOLS = [
  { href: "/playground", label: "Policy playground", icon: FlaskConical, testId: "nav-playground" },
  { href: "/simulator", label: "Policy simulator", icon: Scale, testId: "nav-simulator" },
];

const SETTINGS = [{ href: "/settings/console-users", label: "Console users", icon: UserCog, testId: "nav-console-users" }];

const INSIGHTS = [
  { href: "/access", label: "Access analysis", icon: Network, testId: "nav-access" },
  { href: "/access/graph", label: "Access graph", icon: Waypoints, testId: "nav-access-graph" },
  { href: "/access/import", label: "Import accounts", icon: FileUp, testId: "nav-access-import" },
];

const LATER = [{ label: "Audit", icon: ScrollText }];

export function Sidebar() {
  const pathname = usePathname();
  return (
    <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-surface md:flex">
      <div className="flex h-14 items-center border-b border-border px-4">
        <Logo />
      </div>
      <nav aria-label="Console" className="flex flex-1 flex-col gap-6 p-3">
        <div>
          <p className="px-2 pb-1.5 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase">IAM</p>
          <NavList items={NAV} pathname={pathname} />
        </div>
        <div>
          <p className="px-2 pb-1.5 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase">Tools</p>
          <NavList items={TOOLS} pathname={pathname} />
        </div>
        <div>
          <p className="px-2 pb-1.5 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase">Settings</p>
          <NavList items={SETTINGS} pathname={pathname} />
        </div>
        <div>
          <p className="px-2 pb-1.5 text-[11px] font-semibold tracking-wider text-fg-subtle uppercase">Insights</p>
          <NavList items={INSIGHTS} pathname={pathname} />
          <ul className="flex flex-col gap-0.5">
            {LATER.map(({ label, icon: Icon }) => (
              <li key={label} className="flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm text-fg-subtle">
                <Icon aria-hidden className="size-4" />
                {label}
                <span className="ml-auto rounded bg-surface-3 px-1.5 text-[10px] font-medium uppercase">Soon</span>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <p className="border-t border-border px-4 py-3 text-xs text-fg-subtle">IAM 2010-05-08 · STS 2011-06-15</p>
    </aside>
  );
}

/** The entry whose href is the longest prefix of the path: /access/graph lights "Access graph", not "Access analysis". */
function activeHref(items: typeof NAV, pathname: string): string | undefined {
  return items
    .filter(({ href }) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

function NavList({ items, pathname }: { items: typeof NAV; pathname: string }) {
  const current = activeHref(items, pathname);
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map(({ href, label, icon: Icon, testId }) => {
        const active = href === current;
        return (
          <li key={href}>
            <Link
              href={href}
              data-testid={testId}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm font-medium transition-colors",
                active ? "bg-accent-soft text-accent-soft-fg" : "text-fg-muted hover:bg-surface-2 hover:text-fg",
              )}
            >
              <Icon aria-hidden className="size-4" />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
