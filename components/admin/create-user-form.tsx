"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-errors";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { OneTimePassword } from "./one-time-password";

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isExecuting } = useAction(createUserAction, { onSuccess: () => formRef.current?.reset() });

  return (
    <Card className="h-fit p-5">
      <h2 className="mb-3 font-semibold">Add a user</h2>
      <form
        ref={formRef}
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          execute({
            email: String(form.get("email") ?? ""),
            name: String(form.get("name") ?? ""),
            role: String(form.get("role") ?? "") as (typeof ROLES)[number],
          });
        }}
      >
        <Field label="Email" htmlFor="new-email" error={fieldError(result, "email")}>
          <Input id="new-email" name="email" type="email" aria-invalid={Boolean(fieldError(result, "email"))} />
        </Field>
        <Field label="Name" htmlFor="new-name" error={fieldError(result, "name")}>
          <Input id="new-name" name="name" aria-invalid={Boolean(fieldError(result, "name"))} />
        </Field>
        <Field label="Role" htmlFor="new-role" error={fieldError(result, "role")}>
          <Select id="new-role" name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        {result.serverError && (
          <p role="alert" className="text-sm text-red-600">
            {result.serverError}
          </p>
        )}
        <Button type="submit" disabled={isExecuting} className="w-full">
          {isExecuting ? "Adding…" : "Add user"}
        </Button>
        {result.data && <OneTimePassword email={result.data.email} password={result.data.temporaryPassword} />}
      </form>
    </Card>
  );
}
