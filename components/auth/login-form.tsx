"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Card } from "@/components/ui/card";

const MESSAGES: Record<string, (seconds: string) => string> = {
  CredentialsSignin: () => "Wrong email or password.",
  SignInDelayed: (s) =>
    `Too many failed attempts for this account from this address. Wait ${waitText(s)} and try again (each further failure doubles the wait).`,
  TooManyAttempts: (s) => `Too many failed attempts from your network. Try again in ${waitText(s)}.`,
  SessionRequired: () => "Sign in to continue.",
};

function waitText(seconds: string) {
  const n = Number(seconds);
  if (!Number.isFinite(n) || n <= 0) return "a few minutes";
  return n < 120 ? `${n} seconds` : `${Math.ceil(n / 60)} minutes`;
}

/** Sign-in errors arrive as `Code` or `Code:seconds` (lib/auth/options.ts). */
function messageFor(error: string | undefined, fallback: string) {
  const [code = "", seconds = ""] = (error ?? "").split(":");
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]!(seconds) : fallback;
}

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? messageFor(initialError, "Sign-in failed.") : "");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    setPending(false);
    if (!result || result.error) {
      setError(messageFor(result?.error ?? undefined, "Sign-in failed. Try again."));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password" htmlFor="password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error && (
          <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </Card>
  );
}
