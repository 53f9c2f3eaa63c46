type ActionResult = {
  serverError?: string;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/** The first validation message for a field of a next-safe-action result (flattened shape). */
export function fieldError(result: ActionResult, field: string): string | undefined {
  return result.validationErrors?.fieldErrors?.[field]?.[0];
}

/** Errors that belong to no single field: the server's message, or form-level validation errors. */
export function FormErrors({ result }: { result: ActionResult }) {
  const messages = [result.serverError, ...(result.validationErrors?.formErrors ?? [])].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
