# syntax=docker/dockerfile:1
# Production image: one image, three roles, run as a non-root user against an external Postgres (DATABASE_URL).
#   app      node server.js          (the default CMD; set WORKER=off when a separate worker runs)
#   worker   node cli/worker.mjs     (the job worker: escalations, notifications, recovery runs)
#   migrate  node cli/migrate.mjs    (one-shot: applies pending migrations, then exits)
# Operator commands: node cli/user-create.mjs --email E --name N, node cli/token.mjs create|list|revoke, node cli/seed.mjs.
# The image holds Next's standalone server (only the node_modules files it uses) and the CLI entry points bundled
# by deploy/bundle-scripts.mjs: no tsx, no TypeScript sources, no embedded Postgres. Only .next/cache is writable,
# so the root filesystem can be mounted read-only (mount a writable volume on /app/.next/cache and /tmp).
# There is no HEALTHCHECK here because the same image also runs the worker and the one-shot migration:
# docker-compose.yml and deploy/k8s/ probe the app on /api/health (and /api/ready).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
COPY prisma.config.ts ./
# npm install, not npm ci, for the same reason as .ci/run (npm prunes other platforms' optional packages from
# the lockfile it writes, and npm ci then calls that lockfile out of sync). postinstall runs prisma generate.
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

FROM deps AS build
COPY . .
# LIFEBOAT_BUILD_STANDALONE=1 turns on `output: "standalone"` in next.config.ts (.next/standalone/server.js).
RUN LIFEBOAT_BUILD_STANDALONE=1 npm run build \
 && node deploy/bundle-scripts.mjs .next/cli \
 && mkdir -p public

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system --gid 10001 lifeboat \
 && useradd --system --uid 10001 --gid lifeboat --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin lifeboat
# Files stay owned by root (the app cannot change its own code); only the Next cache is the app user's.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
# The plan-reading worker thread's bundle (scripts/lib/plan-worker-bundle.ts): the server starts it by path.
COPY --from=build /app/.next/plan-worker ./.next/plan-worker
COPY --from=build /app/public ./public
COPY --from=build /app/.next/cli ./cli
COPY --from=build /app/prisma/migrations ./prisma/migrations
RUN mkdir -p .next/cache && chown lifeboat:lifeboat .next/cache
# Numeric, so Kubernetes' runAsNonRoot can verify it without looking the name up.
USER 10001:10001
EXPOSE 3000
CMD ["node", "server.js"]
