import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatamodelFile } from './schema-engine.ts';
import { loadMigrations, MIGRATIONS_DIR, type MigrationTarget } from './load-migrations.ts';

export type { MigrationTarget };
export const PRISMA_DIR = join(MIGRATIONS_DIR, '..', 'prisma');
export const SNAPSHOT_FILE = 'schema.prisma';

export type Differ = (from: DatamodelFile[] | 'empty', to: DatamodelFile[]) => Promise<string>;

export function currentDatamodel(target: MigrationTarget): DatamodelFile[] {
  return [{ path: `${target}.prisma`, content: readFileSync(join(PRISMA_DIR, `${target}.prisma`), 'utf8') }];
}

export function snapshotOf(target: MigrationTarget, migrationName: string): DatamodelFile[] {
  return [
    { path: `${target}.prisma`, content: readFileSync(join(MIGRATIONS_DIR, target, migrationName, SNAPSHOT_FILE), 'utf8') },
  ];
}

/**
 * The engine emits `CREATE SCHEMA IF NOT EXISTS "public"` for a first migration; schemas are the
 * runner's business (tenant schemas are created by provisioning), so that statement is dropped.
 */
export function cleanMigrationSql(sql: string): string {
  const cleaned = sql
    .replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/g, '')
    .replace(/^-- This is an empty migration\.$/m, '')
    .trim();
  return cleaned ? `${cleaned}\n` : '';
}

/** SQL from the newest snapshot (or nothing) to the current Prisma schema; '' when they agree. */
export async function pendingMigrationSql(target: MigrationTarget, diff: Differ): Promise<string> {
  const existing = loadMigrations(target);
  const last = existing.at(-1);
  const from = last ? snapshotOf(target, last.name) : 'empty';
  return cleanMigrationSql(await diff(from, currentDatamodel(target)));
}

export function writeMigration(target: MigrationTarget, name: string, sql: string): string {
  const dir = join(MIGRATIONS_DIR, target, name);
  if (existsSync(dir)) throw new Error(`${dir} exists`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  writeFileSync(join(dir, SNAPSHOT_FILE), currentDatamodel(target)[0]!.content);
  return dir;
}
