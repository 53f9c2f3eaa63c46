"use client";

import { DataTable } from "@/components/ui/data-table";
import { useAction } from "next-safe-action/hooks";
import { resetPasswordAction, unlockUserAction, updateUserAction } from "@/app/(app)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { OneTimePassword } from "./one-time-password";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  version: number;
  lastLoginAt: string | null;
  /** Failed sign-ins inside the rate-limit window (some address may be waiting because of them). */
  recentFailures: number;
};

export function UsersTable({
  users,
  currentUserId,
  windowMinutes,
}: {
  users: UserRow[];
  currentUserId: string;
  windowMinutes: number;
}) {
  return (
    <DataTable columns={["User", "Role", "Status", "Last sign-in", "Actions"]}>
      {users.map((user) => (
        <UserRowView key={user.id} user={user} isSelf={user.id === currentUserId} windowMinutes={windowMinutes} />
      ))}
    </DataTable>
  );
}

function UserRowView({ user, isSelf, windowMinutes }: { user: UserRow; isSelf: boolean; windowMinutes: number }) {
  const update = useAction(updateUserAction);
  const reset = useAction(resetPasswordAction);
  const unlock = useAction(unlockUserAction);
  const error = update.result.serverError ?? reset.result.serverError ?? unlock.result.serverError;
  const busy = update.isExecuting || reset.isExecuting || unlock.isExecuting;

  return (
    <tr data-testid={`user-row-${user.email}`} className={user.active ? "" : "text-slate-400"}>
      <td className="px-4 py-2">
        <div className="font-medium">
          {user.name} {isSelf && <Badge>you</Badge>}
        </div>
        <div className="text-xs text-slate-500">{user.email}</div>
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {error}
          </p>
        )}
        {reset.result.data && <OneTimePassword email={user.email} password={reset.result.data.temporaryPassword} />}
      </td>
      <td className="px-4 py-2">
        <Select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={busy}
          onChange={(event) => update.execute({ id: user.id, version: user.version, role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
      </td>
      <td className="px-4 py-2">
        {user.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
        {user.recentFailures > 0 && (
          <div className="mt-1 text-xs text-amber-700" data-testid="sign-in-failures">
            {user.recentFailures} failed sign-in{user.recentFailures === 1 ? "" : "s"} in {windowMinutes} min
          </div>
        )}
      </td>
      <td className="px-4 py-2 text-xs">{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : "never"}</td>
      <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
        {user.recentFailures > 0 && (
          <Button variant="secondary" disabled={busy} onClick={() => unlock.execute({ id: user.id })}>
            Unlock sign-in
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => reset.execute({ id: user.id, version: user.version })}
        >
          Reset password
        </Button>
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => update.execute({ id: user.id, version: user.version, active: !user.active })}
        >
          {user.active ? "Deactivate" : "Reactivate"}
        </Button>
      </td>
    </tr>
  );
}
