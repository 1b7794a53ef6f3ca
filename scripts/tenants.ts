/**
 * npm run tenants -- <command>
 *   create --slug <slug> --name <name> --admin-email <email> [--admin-password <pw>]
 *   list | migrate | suspend <slug> | resume <slug> | delete <slug> --confirm <slug>
 *   domain-add <slug> <host> | domain-verify <host>
 *   limits <slug> [--searches-per-minute n] [--reads-per-minute n] [--client-searches-per-minute n]
 *                 [--client-reads-per-minute n]   (n, or "default")
 *   api-keys create <slug> --name <name> --scopes <scope,...> | api-keys list <slug> | api-keys revoke <slug> <id>
 * Every failure is one line on stderr and exit code 1.
 */
import { parseArgs } from 'node:util';
import { firstAdminPassword } from '@himal/auth';
import { API_KEY_SCOPES, createApiKey, isOrderError, listApiKeys, revokeApiKey } from '@himal/core';
import cliProgress from 'cli-progress';
import {
  addCustomDomain,
  closeSharedPool,
  createTenant,
  DbError,
  deleteTenant,
  disconnectControlDb,
  findTenantBySlug,
  listTenants,
  markDomainVerified,
  resumeTenant,
  rootDomain,
  setTenantApiLimits,
  runMigrations,
  stopDirectoryListener,
  suspendTenant,
  type MigrationProgress,
} from '@himal/db';
import { connectHimalDatabase } from '@himal/db/dev';

const USAGE = `usage: npm run tenants -- <command>
  create --slug <slug> --name <name> --admin-email <email> [--admin-password <pw>]
  list
  migrate [--concurrency <n>]
  suspend <slug>
  resume <slug>
  delete <slug> --confirm <slug>
  domain-add <slug> <host>
  domain-verify <host>
  limits <slug> [--searches-per-minute <n>] [--reads-per-minute <n>]
                [--client-searches-per-minute <n>] [--client-reads-per-minute <n>]   (<n> or "default")
  api-keys create <slug> --name <name> --scopes <scope,...>   (scopes: ${API_KEY_SCOPES.join(', ')})
  api-keys list <slug>
  api-keys revoke <slug> <id>`;

const LIMIT_OPTIONS = {
  'searches-per-minute': 'searchesPerMinute',
  'reads-per-minute': 'readsPerMinute',
  'client-searches-per-minute': 'clientSearchesPerMinute',
  'client-reads-per-minute': 'clientReadsPerMinute',
} as const;

function limitValue(option: string, text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'default') return null;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${option} takes a whole number or "default"`);
  return Number(text);
}

class UsageError extends Error {}

function positional(args: string[], index: number, what: string): string {
  const value = args[index];
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

/** Columns padded to their widest cell, two spaces apart. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

async function tenantBySlug(slug: string) {
  const tenant = await findTenantBySlug(slug);
  if (!tenant) throw new Error(`no tenant with slug "${slug}"`);
  return tenant;
}

const timestamp = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace('T', ' ') : '-');

async function apiKeys(action: string | undefined, args: string[], values: { name?: string; scopes?: string }): Promise<number> {
  switch (action) {
    case 'create': {
      const tenant = await tenantBySlug(positional(args, 0, 'slug'));
      if (!values.name || !values.scopes) throw new UsageError('api-keys create needs --name and --scopes');
      const scopes = values.scopes.split(',').map((scope) => scope.trim());
      const created = await createApiKey(tenant, { name: values.name, scopes });
      console.log(`created API key ${created.id} for ${tenant.slug}  scopes=${created.scopes.join(',')}`);
      console.log(`  key: ${created.key}  (shown once: only its hash is kept)`);
      return 0;
    }
    case 'list': {
      const keys = await listApiKeys(await tenantBySlug(positional(args, 0, 'slug')));
      if (keys.length === 0) {
        console.log('no API keys');
        return 0;
      }
      printTable(
        ['ID', 'PREFIX', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'STATUS'],
        keys.map((key) => [
          key.id,
          `${key.prefix}…`,
          key.name,
          key.scopes.join(','),
          timestamp(key.createdAt),
          timestamp(key.lastUsedAt),
          key.revokedAt ? `revoked ${timestamp(key.revokedAt)}` : 'active',
        ]),
      );
      return 0;
    }
    case 'revoke': {
      const tenant = await tenantBySlug(positional(args, 0, 'slug'));
      const key = await revokeApiKey(tenant, positional(args, 1, 'key id'));
      console.log(`revoked API key ${key.id} (${key.name}) of ${tenant.slug}`);
      return 0;
    }
    default:
      throw new UsageError(
        action ? `unknown api-keys command ${JSON.stringify(action)}` : 'api-keys needs create, list or revoke',
      );
  }
}

function progressReporter(): { onProgress: (p: MigrationProgress) => void; stop: () => void } {
  if (!process.stdout.isTTY) {
    let lastLogged = 0;
    return {
      onProgress: (p) => {
        if (p.done === p.total || p.done - lastLogged >= 100) {
          lastLogged = p.done;
          console.log(`migrated ${p.done}/${p.total} tenant schemas${p.failed ? `, ${p.failed} failed` : ''}`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: 'tenant schemas [{bar}] {value}/{total} {percentage}% | {failed} failed | eta {eta}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      if (!started) {
        bar.start(p.total, 0, { failed: 0 });
        started = true;
      }
      bar.update(p.done, { failed: p.failed });
    },
    stop: () => started && bar.stop(),
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      confirm: { type: 'string' },
      concurrency: { type: 'string' },
      'searches-per-minute': { type: 'string' },
      'reads-per-minute': { type: 'string' },
      'client-searches-per-minute': { type: 'string' },
      'client-reads-per-minute': { type: 'string' },
      scopes: { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  await connectHimalDatabase((line) => console.error(line));

  switch (command) {
    case 'create': {
      if (!values.slug || !values.name || !values['admin-email'])
        throw new UsageError('create needs --slug, --name and --admin-email');
      const firstAdmin = await firstAdminPassword(values['admin-password']);
      const { tenant, admin } = await createTenant({
        slug: values.slug,
        name: values.name,
        adminEmail: values['admin-email'],
        adminPasswordHash: firstAdmin.passwordHash,
      });
      console.log(`created ${tenant.slug} (${tenant.name}) id=${tenant.id} schema=${tenant.schemaName}`);
      console.log(`  site:  http://${tenant.slug}.${rootDomain()}:3000`);
      console.log(
        `  admin: http://${tenant.slug}.admin.${rootDomain()}:3001  ${admin.email}${firstAdmin.generated ? `  password: ${firstAdmin.password} (shown once)` : ''}`,
      );
      return 0;
    }
    case 'list': {
      const tenants = await listTenants();
      if (tenants.length === 0) {
        console.log('no tenants');
        return 0;
      }
      printTable(
        ['SLUG', 'STATUS', 'NAME', 'SCHEMA', 'MIGRATIONS', 'DOMAINS'],
        tenants.map((t) => [t.slug, t.status, t.name, t.schemaName, String(t.migrationsApplied), t.domains.join(',')]),
      );
      return 0;
    }
    case 'migrate': {
      const reporter = progressReporter();
      const result = await runMigrations({
        concurrency: values.concurrency ? Number(values.concurrency) : undefined,
        onProgress: reporter.onProgress,
      }).finally(reporter.stop);
      console.log(
        `control: ${result.controlApplied.length} applied; tenants: ${result.tenantsMigrated} migrated, ${result.tenantsUpToDate} up to date, ${result.failures.length} failed`,
      );
      for (const failure of result.failures) console.error(`  ${failure.schemaName}: ${failure.error}`);
      return result.failures.length ? 1 : 0;
    }
    case 'suspend':
    case 'resume': {
      const slug = positional(positionals, 0, 'slug');
      const tenant = command === 'suspend' ? await suspendTenant(slug) : await resumeTenant(slug);
      console.log(`${tenant.slug} is ${tenant.status}`);
      return 0;
    }
    case 'delete': {
      const slug = positional(positionals, 0, 'slug');
      const tenant = await deleteTenant(slug, values.confirm);
      console.log(`deleted ${tenant.slug} and schema ${tenant.schemaName}`);
      return 0;
    }
    case 'domain-add': {
      const domain = await addCustomDomain(positional(positionals, 0, 'slug'), positional(positionals, 1, 'host'));
      console.log(`added ${domain.host} (unverified); TXT record _himal.${domain.host} = ${domain.verificationToken}`);
      return 0;
    }
    case 'domain-verify': {
      const host = positional(positionals, 0, 'host');
      await markDomainVerified(host);
      console.log(`${host} is verified`);
      return 0;
    }
    case 'limits': {
      const slug = positional(positionals, 0, 'slug');
      const changes = Object.fromEntries(
        (Object.keys(LIMIT_OPTIONS) as Array<keyof typeof LIMIT_OPTIONS>).map((option) => [
          LIMIT_OPTIONS[option],
          limitValue(option, values[option]),
        ]),
      );
      const limits = await setTenantApiLimits(slug, changes);
      const shown = Object.entries(limits).map(([name, value]) => `${name}=${value}`);
      console.log(`${slug}: ${shown.length ? shown.join(' ') : 'platform defaults'}`);
      return 0;
    }
    case 'api-keys':
      return apiKeys(positionals[0], positionals.slice(1), values);
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) console.error(`error: ${error.message}\n${USAGE}`);
  else if (error instanceof DbError) console.error(`error: ${error.message}`);
  else if (isOrderError(error) && error.details.fields?.length)
    console.error(`error: ${error.message} (${error.details.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})`);
  else console.error(`error: ${(error as Error).message ?? String(error)}`);
  code = 1;
} finally {
  await stopDirectoryListener();
  await disconnectControlDb().catch(() => undefined);
  await closeSharedPool().catch(() => undefined);
}
process.exit(code!);
