// Reading next-safe-action results (validation errors in zod's "formatted" shape: nested objects with
// `_errors` arrays at every level).
type Formatted = { _errors?: string[] } & { [key: string]: Formatted | string[] | undefined };

export type ActionResult = { serverError?: string; validationErrors?: unknown };

function node(result: ActionResult, field: string): Formatted | undefined {
  const errors = result.validationErrors as Formatted | undefined;
  return errors?.[field] as Formatted | undefined;
}

/** The first message for a top-level field. */
export function fieldError(result: ActionResult, field: string): string | undefined {
  return node(result, field)?._errors?.[0];
}

/**
 * Every message under a field, however deep (a table's rows and cells). Messages for row i are prefixed
 * with `rowLabel(i)` unless they already name the row.
 */
export function nestedErrors(result: ActionResult, field: string, rowLabel: (index: number) => string): string[] {
  const messages: string[] = [];
  const walk = (current: Formatted | undefined, row: number | null) => {
    if (!current) return;
    for (const message of current._errors ?? []) {
      const label = row === null ? null : rowLabel(row);
      messages.push(label && !message.startsWith(label) ? `${label}: ${message}` : message);
    }
    for (const [key, child] of Object.entries(current)) {
      if (key === "_errors" || Array.isArray(child)) continue;
      walk(child, row ?? (/^\d+$/.test(key) ? Number(key) : null));
    }
  };
  walk(node(result, field), null);
  return [...new Set(messages)];
}

/** Errors that belong to no single field: the server's message, or form-level validation errors. */
export function FormErrors({ result }: { result: ActionResult }) {
  const formErrors = (result.validationErrors as Formatted | undefined)?._errors ?? [];
  const messages = [result.serverError, ...formErrors].filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div role="alert" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
