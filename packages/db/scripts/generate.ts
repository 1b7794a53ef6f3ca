/**
 * Generates the control-plane Prisma client and the tenant schema's Kysely types, without network
 * access (see prismaGenerate).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prismaGenerate } from '../src/dev/prisma-generate.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const schema of ['control', 'tenant']) prismaGenerate(join(packageDir, 'prisma', `${schema}.prisma`));
