# syntax=docker/dockerfile:1
# The traveller site, apps/web: one deployment serving every tenant by Host.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t himal-web .
# Mirrors `npm ci`, `npm run db:generate`, `npm run build -w @himal/web`, `npm run start -w @himal/web`.
ARG NODE_IMAGE=node:20-bookworm-slim

# Only package.json files and the lockfile, so the `npm ci` layer is reused until a dependency changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
 && cp package.json package-lock.json /out/ \
 && find apps packages bench -mindepth 1 -maxdepth 2 -name package.json -exec cp --parents {} /out/ \;

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
# The npm of package.json's packageManager field.
RUN npm install -g npm@11.19.1
COPY --from=manifests /out/ ./
# No install scripts: none is needed in an image (Prisma's engine download, the embedded PostgreSQL
# binary); the one that matters, Prisma client generation, runs explicitly in the build stage.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run db:generate
RUN npm run build -w @himal/web
RUN npm prune --omit=dev --ignore-scripts

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/apps/web ./apps/web
# Next writes its cache (images, fetch cache) under .next at run time; nothing else is writable.
RUN chown -R node:node apps/web/.next
USER node
WORKDIR /app/apps/web
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server.ts: Next.js behind Node's HTTP server with the platform's edge checks (packages/http/src/server).
CMD ["node", "--import", "tsx", "/app/apps/web/server.ts"]
