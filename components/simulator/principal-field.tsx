"use client";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { usePrincipalOptions } from "./simulator-queries";

/**
 * A principal by ARN, with completion: users and roles the store holds and this account's usable role sessions;
 * any other ARN may be typed (another account's principal is simulated without policies of its own).
 */
export function PrincipalInput({ value, onChange, id, describedBy, testId, placeholder = "arn:aws:iam::111111111111:user/alice" }: {
  value: string;
  onChange: (value: string) => void;
  id: string;
  describedBy?: string;
  testId?: string;
  placeholder?: string;
}) {
  const options = usePrincipalOptions();
  const list = `${useId()}-principals`;
  return (
    <>
      <Input id={id} aria-describedby={describedBy} list={list} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} data-testid={testId} autoComplete="off" spellCheck={false} />
      <datalist id={list}>
        {options.map((p) => (
          <option key={p.value} value={p.value} label={p.label} />
        ))}
      </datalist>
    </>
  );
}
