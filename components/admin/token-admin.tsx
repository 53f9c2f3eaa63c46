"use client";

import { useAction } from "next-safe-action/hooks";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/admin/tokens/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/tokens/tokens";

export function CreateTokenForm() {
  const create = useAction(createTokenAction);
  return (
    <Card className="h-fit p-5">
      <h2 className="mb-3 font-semibold">New API token</h2>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          create.execute({
            name: String(form.get("name") ?? ""),
            scopes: form.getAll("scopes").map(String) as TokenScope[],
          });
        }}
      >
        <Field
          label="Name"
          htmlFor="token-name"
          error={fieldError(create.result, "name")}
          hint="Who uses it, e.g. “nightly pg_dump on db-1”"
        >
          <Input id="token-name" name="name" />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="mr-3 inline-flex items-center gap-1 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "backups:write"} /> {scope}
            </label>
          ))}
          {fieldError(create.result, "scopes") && (
            <p className="text-xs text-red-600">{fieldError(create.result, "scopes")}</p>
          )}
        </fieldset>
        <FormErrors result={create.result} />
        <Button type="submit" disabled={create.isExecuting}>
          Create token
        </Button>
        {create.result.data && (
          <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
            <p>Token for {create.result.data.name}. Copy it now: it is not shown again.</p>
            <code data-testid="new-token" className="mt-1 block select-all break-all font-mono text-xs">
              {create.result.data.token}
            </code>
          </div>
        )}
      </form>
    </Card>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const revoke = useAction(revokeTokenAction);
  return (
    <Button
      variant="secondary"
      disabled={revoke.isExecuting}
      onClick={() => window.confirm(`Revoke ${name}? Jobs using it will get 401.`) && revoke.execute({ id })}
      aria-label={`Revoke ${name}`}
    >
      Revoke
    </Button>
  );
}
