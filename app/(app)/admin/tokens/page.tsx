import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenButton } from "@/components/admin/token-admin";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { findApiTokens } from "@/lib/tokens/tokens";

export const metadata: Metadata = { title: "API tokens" };

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "never");

export default async function TokensPage() {
  const { db } = await requirePage("tokens.manage", "/admin/tokens");
  const tokens = await findApiTokens(db);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Credentials for machines: backup jobs, alert senders. Stored as a hash; the secret is shown once. Also: npm run token -- create --name NAME --scopes backups:write"
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        {tokens.length === 0 ? (
          <EmptyState title="No tokens yet" />
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2">Token</th>
                  <th className="px-4 py-2">Scopes</th>
                  <th className="px-4 py-2">Created</th>
                  <th className="px-4 py-2">Last used</th>
                  <th className="px-4 py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((t) => (
                  <tr key={t.id} data-testid={`token-row-${t.name}`} className={t.revokedAt ? "text-slate-400" : ""}>
                    <td className="px-4 py-2">
                      <div className="font-medium">{t.name}</div>
                      <div className="font-mono text-xs">lb_{t.prefix}_…</div>
                    </td>
                    <td className="space-x-1 px-4 py-2">
                      {t.scopes.map((s) => (
                        <Badge key={s}>{s}</Badge>
                      ))}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{when(t.createdAt)}</td>
                    <td className="px-4 py-2 font-mono text-xs" data-testid="last-used">
                      {when(t.lastUsedAt)}
                    </td>
                    <td className="px-4 py-2 text-right">
                      {t.revokedAt ? (
                        <Badge>revoked {when(t.revokedAt)}</Badge>
                      ) : (
                        <RevokeTokenButton id={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
        <CreateTokenForm />
      </div>
    </>
  );
}
