import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/app-shell/logo";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <Logo className="mx-auto h-10 w-10" />
          <h1 className="mt-2 text-2xl font-semibold">Sign in to Lifeboat</h1>
          <p className="mt-1 text-sm text-slate-600">Disaster recovery, measured and run.</p>
        </div>
        <LoginForm callbackUrl={target} initialError={error} />
      </div>
    </main>
  );
}
