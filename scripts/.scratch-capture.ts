import { writeFileSync } from "node:fs";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Reader } from "@/lib/db/client";
import { findComplianceRows } from "@/lib/compliance/queries";
import { findComplianceTrends } from "@/lib/compliance/trends";
async function main() {
  const captured: Prisma.Sql[] = [];
  const fake = { $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => { captured.push(Prisma.sql(strings, ...values)); return Promise.resolve([]); } } as unknown as Reader;
  await findComplianceRows(fake, {});
  await findComplianceTrends(fake, {});
  captured.forEach((c, i) => { writeFileSync(`/tmp/cb/q${i}.sql`, c.text); console.log(i, JSON.stringify(c.values)); });
}
void main();
