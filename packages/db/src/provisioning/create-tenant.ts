import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DbError } from '../errors.ts';
import { loadMigrations } from '../migrations/load-migrations.ts';
import { migrateSchema } from '../migrations/run-migrations.ts';
import { pgTransaction } from '../pg-transaction.ts';
import { newTenantId, RESERVED_SLUGS, schemaNameFor, slugSchema, type Tenant } from '../tenants/tenant.ts';
import { notifyDirectoryChange } from './notify.ts';
import { invalidateDirectory } from '../directory/directory-cache.ts';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const themeInputSchema = z.object({
  logoUrl: z.string().max(2048).nullish(),
  tagline: z.string().max(200).nullish(),
  primaryColor: hexColor.optional(),
  accentColor: hexColor.optional(),
  backgroundColor: hexColor.optional(),
  textColor: hexColor.optional(),
  fontFamily: z.string().max(100).optional(),
});
export type ThemeInput = z.infer<typeof themeInputSchema>;

const createTenantSchema = z.object({
  slug: z.string(),
  name: z.string().trim().min(1, 'a name is required').max(120),
  adminEmail: z.email('the admin email is not an email address').transform((email) => email.toLowerCase()),
  adminName: z.string().trim().min(1).max(120).optional(),
  /** The first admin's password as @himal/auth hashed it: the data layer never sees a password. */
  adminPasswordHash: z.string().min(1),
  theme: themeInputSchema.optional(),
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

export interface CreatedTenant {
  tenant: Tenant;
  admin: { email: string };
}

/** Slug rules as one check, so the CLI and the platform console say the same thing. */
export function validateSlug(slug: string): string {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success)
    throw new DbError('INVALID_SLUG', `invalid slug ${JSON.stringify(slug)}: ${parsed.error.issues[0]!.message}`);
  if (RESERVED_SLUGS.has(slug)) throw new DbError('RESERVED_SLUG', `the slug ${JSON.stringify(slug)} is reserved`);
  return slug;
}

function parseInput(input: CreateTenantInput) {
  const parsed = createTenantSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DbError('INVALID_INPUT', `${issue.path.join('.') || 'input'}: ${issue.message}`);
  }
  return { ...parsed.data, slug: validateSlug(parsed.data.slug) };
}

/**
 * Provisions an agency: control row, schema, every tenant migration, its first (owner) user and its
 * branding, all in one transaction. PostgreSQL DDL is transactional, so a create that fails at any
 * step leaves nothing behind. The owner's password comes hashed (`firstAdminPassword` or
 * `hashPassword` of @himal/auth), so the hash is made before the transaction, not inside it.
 */
export async function createTenant(input: CreateTenantInput, options: { migrationsDir?: string } = {}): Promise<CreatedTenant> {
  const data = parseInput(input);
  const id = newTenantId();
  const schemaName = schemaNameFor(id);
  const migrations = loadMigrations('tenant', options.migrationsDir);

  await pgTransaction(async (client) => {
    const existing = await client.query('SELECT 1 FROM public.tenants WHERE slug = $1', [data.slug]);
    if (existing.rowCount) throw new DbError('TENANT_EXISTS', `a tenant with slug ${JSON.stringify(data.slug)} already exists`);
    try {
      await client.query(
        `INSERT INTO public.tenants (id, slug, name, status, schema_name, created_at, updated_at)
         VALUES ($1, $2, $3, 'active', $4, now(), now())`,
        [id, data.slug, data.name, schemaName],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DbError('TENANT_EXISTS', `a tenant with slug ${JSON.stringify(data.slug)} already exists`, { cause: error });
      }
      throw error;
    }
    await client.query(`CREATE SCHEMA "${schemaName}"`);
    await migrateSchema(client, schemaName, migrations); // leaves search_path on the new schema
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'owner', now())`,
      [data.adminEmail, data.adminName ?? `${data.name} administrator`, data.adminPasswordHash],
    );
    const theme = data.theme ?? {};
    await client.query(
      `INSERT INTO theme_settings (id, logo_url, tagline, primary_color, accent_color, background_color, text_color, font_family, updated_at)
       VALUES (1, $1, $2, COALESCE($3, '#0f766e'), COALESCE($4, '#f59e0b'), COALESCE($5, '#ffffff'), COALESCE($6, '#0f172a'), COALESCE($7, 'system-ui'), now())`,
      [
        theme.logoUrl ?? null,
        theme.tagline ?? null,
        theme.primaryColor ?? null,
        theme.accentColor ?? null,
        theme.backgroundColor ?? null,
        theme.textColor ?? null,
        theme.fontFamily ?? null,
      ],
    );
    await notifyDirectoryChange(client, id);
  });
  invalidateDirectory();

  return {
    tenant: { id, slug: data.slug, name: data.name, status: 'active', schemaName },
    admin: { email: data.adminEmail },
  };
}

export function newVerificationToken(): string {
  return `himal-verify-${randomBytes(16).toString('hex')}`;
}
