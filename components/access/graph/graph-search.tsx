"use client";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Search } from "lucide-react";
import type { AccountGraph } from "@/lib/access/graph-view";
import { controlClass } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { KIND_STYLE, styleKindOf } from "./graph-style";

const MAX_RESULTS = 12;

/**
 * Search by name or ARN, as a combobox: type, move with the arrow keys, Enter selects, Escape clears; `/` anywhere
 * on the page focuses it.
 */
export function GraphSearch({ graph, onSelect }: { graph: AccountGraph; onSelect: (id: string) => void }) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const results = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return [];
    const out = [];
    for (const n of graph.nodes) {
      if (n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) out.push(n);
      if (out.length === MAX_RESULTS) break;
    }
    return out;
  }, [graph, text]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== "/" || t?.closest("input, textarea, select, [contenteditable]")) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const choose = (id: string) => {
    onSelect(id);
    setText("");
  };

  return (
    <div className="relative w-full max-w-md">
      <label htmlFor={`${listId}-input`} className="sr-only">Search principals and roles by name or ARN</label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
      <input
        ref={input}
        id={`${listId}-input`}
        data-testid="graph-search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length ? `${listId}-${active}` : undefined}
        placeholder="Search by name or ARN  ( / )"
        autoComplete="off"
        value={text}
        className={controlClass(false, "h-9 pl-9")}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, results.length - 1));
          else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
          else if (e.key === "Enter" && results[active]) choose(results[active].id);
          else if (e.key === "Escape") setText("");
          else return;
          e.preventDefault();
        }}
      />
      {text.trim() && (
        <ul id={listId} role="listbox" aria-label="Matching principals and roles" className="absolute z-20 mt-1 max-h-80 w-full overflow-auto rounded-lg border border-border bg-surface py-1 shadow-lg">
          {results.length === 0 && <li className="px-3 py-2 text-[13px] text-fg-muted">No principal or role matches.</li>}
          {results.map((n, i) => (
            <li
              key={n.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              data-testid="graph-search-result"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(n.id)}
              className={cn("cursor-pointer px-3 py-1.5", i === active && "bg-accent-soft text-accent-soft-fg")}
            >
              <span className="block text-sm font-medium">{n.label}</span>
              <span className="block truncate font-mono text-[11px] text-fg-muted">{KIND_STYLE[styleKindOf(n)].label} · {n.id}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
