"use client";
import { useEffect, useState } from "react";
import { useIsClient } from "@/components/ui/use-client";
import { Monitor, Moon, Sun } from "lucide-react";
import { cn } from "@/components/ui/cn";

type Theme = "system" | "light" | "dark";
const OPTIONS: { value: Theme; label: string; icon: typeof Sun }[] = [
  { value: "system", label: "System theme", icon: Monitor },
  { value: "light", label: "Light theme", icon: Sun },
  { value: "dark", label: "Dark theme", icon: Moon },
];

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

const savedTheme = () => (localStorage.getItem("rp-theme") as Theme | null) ?? "system";

/** System, light or dark; the choice is kept in localStorage and applied before paint by the root layout. */
export function ThemeToggle() {
  const isClient = useIsClient();
  const [chosen, setTheme] = useState<Theme | null>(null);
  const theme = chosen ?? (isClient ? savedTheme() : "system");

  useEffect(() => {
    // Again after hydration: a page React renders on the client from scratch (a not-found page) replaces the
    // <html> element's class that the root layout's script set before paint.
    if (isClient) apply(savedTheme());
  }, [isClient]);

  useEffect(() => {
    if (theme !== "system") return;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply("system");
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, [theme]);

  function choose(next: Theme) {
    setTheme(next);
    if (next === "system") localStorage.removeItem("rp-theme");
    else localStorage.setItem("rp-theme", next);
    apply(next);
  }

  return (
    <div role="radiogroup" aria-label="Theme" className="flex rounded-lg border border-border bg-surface-2 p-0.5">
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={theme === value}
          aria-label={label}
          title={label}
          data-testid={`theme-${value}`}
          onClick={() => choose(value)}
          className={cn(
            "rounded-md p-1.5 transition-colors",
            theme === value ? "bg-surface text-fg shadow-card" : "text-fg-subtle hover:text-fg",
          )}
        >
          <Icon aria-hidden className="size-3.5" />
        </button>
      ))}
    </div>
  );
}
