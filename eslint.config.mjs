import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Pages, layouts, server actions and components reach the database only through lib/: the page guard
// (lib/auth/session.ts) and the action client (lib/actions/safe-action.ts) hand them `db`, and every query
// lives in a lib/<domain>/queries.ts or write module. Prisma's generated types stay importable (type-only).
const noDatabaseInUi = {
  "@typescript-eslint/no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["@/lib/db/client", "**/lib/db/client", "**/db/client"],
          message:
            "The database client is for lib/ only: take `db` from the page guard (requirePage/publicPage) or the action client's ctx.db, and put the query in lib/<domain>/queries.ts.",
        },
        {
          group: [
            "@/lib/generated/prisma/*",
            "**/lib/generated/prisma/*",
            "**/generated/prisma/*",
            "@prisma/client",
            "@prisma/client/*",
          ],
          allowTypeImports: true,
          message:
            "Prisma values are for lib/ only (type-only imports are fine): put the query or the enum list in lib/<domain>.",
        },
      ],
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["app/**", "components/**"],
    rules: noDatabaseInUi,
  },
];

export default config;
