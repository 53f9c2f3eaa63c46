// Prisma CLI configuration. Only `prisma generate` runs here (it needs no database);
// elsewhere `prisma migrate deploy` reads DATABASE_URL and agrees with our own runner.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/lifeboat" },
});
