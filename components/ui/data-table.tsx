import { Card } from "./card";
import { cn } from "./cn";

/** The one table look: a card, a header row of column labels, divided body rows (the caller's <tr>s). */
export function DataTable({
  columns,
  children,
  testId,
  className,
}: {
  columns: React.ReactNode[];
  children: React.ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <Card className={cn("overflow-x-auto", className)}>
      <table className="w-full text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column, i) => (
              <th key={i} className="px-4 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </Card>
  );
}
