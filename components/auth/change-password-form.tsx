"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { fieldError, FormErrors } from "@/components/ui/form-errors";

export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const change = useAction(changePasswordAction, { onSuccess: () => form.current?.reset() });
  const fields = [
    { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
    { name: "newPassword", label: "New password", autoComplete: "new-password" },
    { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
  ] as const;
  return (
    <Card className="max-w-md p-5">
      <h2 className="mb-3 font-semibold">Change your password</h2>
      <form
        ref={form}
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          change.execute({
            currentPassword: String(data.get("currentPassword") ?? ""),
            newPassword: String(data.get("newPassword") ?? ""),
            confirmPassword: String(data.get("confirmPassword") ?? ""),
          });
        }}
      >
        {fields.map((f) => (
          <Field key={f.name} label={f.label} htmlFor={f.name} error={fieldError(change.result, f.name)}>
            <Input
              id={f.name}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              aria-invalid={Boolean(fieldError(change.result, f.name))}
            />
          </Field>
        ))}
        <FormErrors result={change.result} />
        {change.hasSucceeded && (
          <p role="status" className="text-sm text-green-700">
            Password changed.
          </p>
        )}
        <Button type="submit" disabled={change.isExecuting}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
