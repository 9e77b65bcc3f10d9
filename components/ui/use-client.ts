"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False while the server renders and during hydration, true after: for values only the browser has (its
 * origin, sessionStorage, localStorage), read without an effect that sets state after the first paint.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}

/** This console's origin (for the AWS CLI examples); the server renders a placeholder the browser replaces. */
export function useOrigin(): string {
  return useSyncExternalStore(never, () => window.location.origin, () => "http://localhost:3000");
}
