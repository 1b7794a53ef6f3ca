/**
 * The reference the new data layer is read against: a Prisma client per tenant, as packages/db had
 * it until 2026-12 (`new PrismaClient({ adapter: new PrismaPg(sharedPool(), { schema }) })`, kept in
 * an LRU of 1,000). packages/db no longer generates a tenant Prisma client, so the bench generates
 * its own at run time, into bench/generated/ (git-ignored): for the real tenant schema
 * (packages/db/prisma/tenant.prisma with its generator swapped) and for the synthetic schemas.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, prismaGenerate } from '@himal/db/dev';
import { syntheticPrismaModels, syntheticSchema } from './synthetic-schema.ts';

export const GENERATED_DIR = join(import.meta.dirname, '..', 'generated');
const TENANT_PRISMA = join(PROJECT_DIR, 'packages', 'db', 'prisma', 'tenant.prisma');

const GENERATOR = `generator client {
  provider     = "prisma-client"
  output       = "./client"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
}
`;

/** A tenant schema the memory and cold-query measurements run on, and how one query reads it. */
export interface SchemaUnderTest {
  /** `tenant` (the real one) or `synthetic-<models>`. */
  key: string;
  models: number;
  /** The table each tenant is queried on, and the id of the row read from it. */
  table: string;
  rowId: string | number;
  /** Another table, for warming the process up without touching `table`. */
  warmUpTable: string;
  /** The Prisma delegates of those tables (`client.<delegate>.findUnique`). */
  delegate: string;
  warmUpDelegate: string;
  /** The generated reference client's entry point (client.ts). */
  prismaClient: string;
}

const delegateOf = (model: string) => model.replace(/^[A-Z]/, (letter) => letter.toLowerCase());

/** Generates the reference Prisma client of the real tenant schema and of each synthetic model count. */
export function generateReferenceClients(syntheticModels: number[]): SchemaUnderTest[] {
  const schemas: SchemaUnderTest[] = [];
  const write = (key: string, prisma: string) => {
    const dir = join(GENERATED_DIR, key);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'schema.prisma'), prisma);
    prismaGenerate(join(dir, 'schema.prisma'), { quiet: true });
    return join(dir, 'client', 'client.ts');
  };

  const tenantModels = readFileSync(TENANT_PRISMA, 'utf8')
    .replace(/^generator \w+ \{[^}]*\}\n/m, '')
    .replace(/^datasource \w+ \{[^}]*\}\n/m, '');
  schemas.push({
    key: 'tenant',
    models: (tenantModels.match(/^model /gm) ?? []).length,
    table: 'theme_settings',
    rowId: 1,
    warmUpTable: 'users',
    delegate: 'themeSettings',
    warmUpDelegate: 'user',
    prismaClient: write('tenant', `${GENERATOR}\n${tenantModels}`),
  });
  for (const count of syntheticModels) {
    const schema = syntheticSchema(count);
    const [first, second] = schema.models;
    schemas.push({
      key: `synthetic-${count}`,
      models: count,
      table: first!.table,
      rowId: `${first!.table}_1`,
      warmUpTable: second!.table,
      delegate: delegateOf(first!.model),
      warmUpDelegate: delegateOf(second!.model),
      prismaClient: write(`synthetic-${count}`, `${GENERATOR}\n${syntheticPrismaModels(schema)}`),
    });
  }
  return schemas;
}

/** What the children use of a generated client, typed loosely: every client has different models. */
export interface ReferenceClient {
  $disconnect(): Promise<void>;
  $transaction<T>(work: (tx: ReferenceTransaction) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T>;
  [delegate: string]: unknown;
}
export interface ReferenceTransaction {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<unknown>;
  [delegate: string]: unknown;
}
export interface ReferenceDelegate {
  findUnique(args: { where: Record<string, unknown>; select?: Record<string, boolean> }): Promise<unknown>;
  create(args: { data: Record<string, unknown> }): Promise<unknown>;
  update(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<unknown>;
}
export type ReferenceClientClass = new (options: { adapter: unknown }) => ReferenceClient;

/** Loads a generated client (in a child process, through tsx). */
export async function loadReferenceClient(clientFile: string): Promise<ReferenceClientClass> {
  const module = (await import(clientFile)) as { PrismaClient: ReferenceClientClass };
  return module.PrismaClient;
}

export const delegate = (client: ReferenceClient | ReferenceTransaction, name: string): ReferenceDelegate =>
  client[name] as ReferenceDelegate;
