import { useEffect, useState } from "react";

/**
 * Calls `reset` (state setters only) in the very render where a dialog opens, or where `openedFor` changes
 * while it is open, so its first paint already shows the fresh values. Resetting in an effect instead shows one
 * frame of stale values, and input typed in that frame (quick hands, browser tests) lands in the old state and
 * is then overwritten or mixed with the reset value.
 */
export function useResetOnOpen(openedFor: string | false, reset: () => void) {
  const [seen, setSeen] = useState<string | false>(false);
  if (openedFor !== seen) {
    setSeen(openedFor);
    if (openedFor !== false) reset();
  }
}

/**
 * Clears a mutation's last error and result each time a dialog opens (or `openedFor` changes while it is open),
 * so a refusal from an earlier attempt is not shown again. A mutation's `reset` keeps its identity for the
 * mutation's life, so this runs only on those changes.
 */
export function useMutationResetOnOpen(openedFor: string | false, { reset }: { reset: () => void }) {
  useEffect(() => {
    if (openedFor !== false) reset();
  }, [openedFor, reset]);
}
