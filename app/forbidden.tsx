import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-2 p-6 text-center">
      <p className="text-sm font-medium text-slate-500">403</p>
      <h1 className="text-xl font-semibold">Not allowed for your role</h1>
      <p className="text-sm text-slate-600">Ask an admin if you need access to this area.</p>
      <Link href="/" className="mt-2 text-sm text-brand-600 underline">
        Back to Lifeboat
      </Link>
    </main>
  );
}
