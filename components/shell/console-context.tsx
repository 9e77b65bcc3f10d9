"use client";
import { createContext, useContext } from "react";

export interface ConsoleUserInfo {
  email: string;
  name: string;
  role: "admin" | "viewer";
}

export interface ConsoleAccountInfo {
  id: string;
  alias: string | null;
}

interface ConsoleContextValue {
  user: ConsoleUserInfo;
  account: ConsoleAccountInfo;
  accounts: ConsoleAccountInfo[];
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleContextValue; children: React.ReactNode }) {
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleContextValue {
  const v = useContext(ConsoleContext);
  if (!v) throw new Error("useConsole must be used inside the console layout");
  return v;
}

/** Why a mutation control is disabled for this user, or undefined when it is allowed (the server checks again). */
export function useReadOnlyReason(): string | undefined {
  return useConsole().user.role === "admin" ? undefined : "Read-only: your console role is viewer. Ask an admin to make this change.";
}
