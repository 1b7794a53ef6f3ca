# syntax=docker/dockerfile:1
# One-shot job: `npm run tenants -- migrate` (control schema, then every tenant schema) before the
# apps start. Build from the repository root:  docker build -f docker/migrate.Dockerfile -t himal-migrate .
# Needs DATABASE_URL straight to PostgreSQL, not through PgBouncer: the runner holds session-level
# advisory locks.
ARG NODE_IMAGE=node:20-bookworm-slim

# The same first stages as web.Dockerfile, so the builds share their layers.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /out \
 && cp package.json package-lock.json /out/ \
 && find apps packages bench -mindepth 1 -maxdepth 2 -name package.json -exec cp --parents {} /out/ \;

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
RUN npm install -g npm@11.19.1
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts

# The CLI runs from TypeScript source with tsx (a dev dependency), so dev dependencies stay.
FROM deps AS migrate
COPY . .
RUN npm run db:generate
ENV NODE_ENV=production
USER node
CMD ["npm", "run", "--silent", "tenants", "--", "migrate"]
