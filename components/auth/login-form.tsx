"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** `next` is the page to open after sign-in, already checked to be on the console (lib/auth/callback-url). */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!res || res.error) {
      setPending(false);
      // A refusal is "CredentialsSignin"; a throttled attempt carries the server's own words (how long to wait).
      setError(!res?.error || res.error === "CredentialsSignin" ? "Incorrect email or password." : res.error);
      return;
    }
    window.location.assign(next);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="login-form">
      {error && (
        <div role="alert" data-testid="login-error" className="flex items-center gap-2 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger-soft-fg">
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          {error}
        </div>
      )}
      <Field label="Email">
        {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} name="email" type="email" autoComplete="username" required autoFocus />}
      </Field>
      <Field label="Password">
        {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" variant="primary" loading={pending} className="mt-1 w-full">
        Sign in
      </Button>
    </form>
  );
}
