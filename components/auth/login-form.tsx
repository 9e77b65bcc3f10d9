"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
const safeCallback = (url: string | undefined) => (url && url.startsWith("/") && !url.startsWith("//") ? url : "/roles");

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
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
      setError(res?.status === 401 || res?.error === "CredentialsSignin" ? "Incorrect email or password." : "Sign-in failed. Try again.");
      return;
    }
    window.location.assign(safeCallback(callbackUrl));
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
