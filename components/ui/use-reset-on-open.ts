import { useState } from "react";

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
