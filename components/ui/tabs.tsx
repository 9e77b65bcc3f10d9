import Link from "next/link";
import { cn } from "./cn";

export interface TabLink {
  id: string;
  label: string;
  href: string;
  count?: number;
}

/** Tabs that are links: each tab has its own URL, so a view can be shared and reloaded. */
export function Tabs({ tabs, current, label }: { tabs: TabLink[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className="border-b border-border">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((t) => {
          const active = t.id === current;
          return (
            <li key={t.id}>
              <Link
                href={t.href}
                data-testid={`tab-${t.id}`}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-accent text-fg" : "border-transparent text-fg-muted hover:border-border-strong hover:text-fg",
                )}
              >
                {t.label}
                {t.count !== undefined && (
                  <span className="rounded-full bg-surface-3 px-1.5 text-xs tabular-nums text-fg-muted">{t.count}</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
