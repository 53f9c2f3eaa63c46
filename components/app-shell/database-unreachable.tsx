import { RecoverWhenBack } from "./recover-when-back";

export function DatabaseUnreachable({ detail }: { detail?: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div role="alert" className="max-w-md rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm">
        <p className="text-lg font-semibold text-red-700">Database unreachable</p>
        <p className="mt-2 text-sm text-slate-600">
          Lifeboat cannot reach its Postgres database right now, so it cannot show current data. Nothing you have saved
          is lost. This page recovers by itself once the database is back; reload in a moment.
        </p>
        {detail && <p className="mt-3 font-mono text-xs text-slate-500">{detail}</p>}
        <RecoverWhenBack />
      </div>
    </main>
  );
}
