// The statements a data function sends, recorded instead of run: exactly its SQL text and values, so a
// benchmark can run the very same statement through a bare pg client as the function's raw baseline.
import type { Reader } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every `$queryRaw` the function makes (model API calls are not recorded: they would throw). */
export async function captureStatements(fn: (db: Reader) => Promise<unknown>): Promise<Prisma.Sql[]> {
  const statements: Prisma.Sql[] = [];
  const recorder = {
    $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => {
      statements.push(Prisma.sql(strings, ...(values as Prisma.Sql[])));
      return Promise.resolve([]);
    },
  };
  await fn(recorder as unknown as Reader);
  return statements;
}
