// Development tools, apart from what the apps run: finding a PostgreSQL server or starting the
// embedded one (`npm start`, `npm test`, benchmarks), making and dropping databases, project paths.
export {
  findDatabaseServer,
  connectHimalDatabase,
  ensureDatabaseExists,
  dropDatabase,
  canConnect,
  withDatabase,
  PROJECT_DIR,
  type DatabaseServer,
} from './ensure-database.ts';
export { prismaGenerate } from './prisma-generate.ts';
