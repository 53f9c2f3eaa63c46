export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
      <p>
        One-time password for <strong>{email}</strong>: share it privately; it is not shown again. They change it under
        their name, top right.
      </p>
      <code data-testid="one-time-password" className="mt-1 block select-all font-mono text-base">
        {password}
      </code>
    </div>
  );
}
