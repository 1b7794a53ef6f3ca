/**
 * The isolation workload: 50 concurrent, interleaved "requests" across many tenants, each writing
 * and reading in its own tenant's transaction, with query-builder queries (tables qualified with the
 * tenant's schema), raw SQL (scoped by SET LOCAL search_path only) and single-row lookups of every
 * tenant made in the same tick on the one shared query builder (the pattern that once crossed
 * tenants when a Prisma client's schema was swapped per request). Returns every row that was seen by
 * the wrong tenant; an empty list is the only correct answer.
 * Run as a script it reads tenants as JSON from argv[2] and prints its result as JSON, so the same
 * workload can run through a PgBouncer in transaction mode (DATABASE_URL pointing at it).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Tenant } from '../tenants/tenant.ts';
import { tenantDb, withTenant } from '../tenants/tenant-db.ts';

export interface IsolationResult {
  requests: number;
  rowsChecked: number;
  violations: string[];
}

const belongs = (tenant: Tenant, email: string) => email.endsWith(`@${tenant.slug}.test`);

export async function runIsolationWorkload(tenants: Tenant[], requests = 50): Promise<IsolationResult> {
  const violations: string[] = [];
  let rowsChecked = 0;
  const run = randomBytes(3).toString('hex');
  const emailFor = (tenant: Tenant, tag: string) => `${tag}-${run}@${tenant.slug}.test`;
  const check = (tenant: Tenant, where: string, emails: string[]) => {
    rowsChecked += emails.length;
    for (const email of emails) if (!belongs(tenant, email)) violations.push(`${tenant.slug} saw ${email} via ${where}`);
  };

  await Promise.all(
    Array.from({ length: requests }, async (_, i) => {
      const tenant = tenants[i % tenants.length]!;
      await withTenant(tenant, async (trx) => {
        await trx
          .insertInto('users')
          .values({ email: emailFor(tenant, `req${i}`), name: `request ${i}`, password_hash: 'x', role: 'agent' })
          .execute();
        // Yield between statements so transactions of different tenants interleave on the pool.
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 11));
        const viaBuilder = await trx.selectFrom('users').select('email').execute();
        check(
          tenant,
          'query builder',
          viaBuilder.map((u) => u.email),
        );
        const viaRawSql = await sql<{ email: string }>`SELECT email FROM users`.execute(trx);
        check(
          tenant,
          'raw sql',
          viaRawSql.rows.map((u) => u.email),
        );
      });
    }),
  );

  // A lookup of every tenant in the same tick, each outside any transaction, on the shared builder.
  const lookups = tenants.flatMap((tenant, k) =>
    [k, k + tenants.length].filter((i) => i < requests).map((i) => ({ tenant, email: emailFor(tenant, `req${i}`) })),
  );
  const found = await Promise.all(
    lookups.map(({ tenant, email }) =>
      tenantDb(tenant).selectFrom('users').select('email').where('email', '=', email).executeTakeFirst(),
    ),
  );
  lookups.forEach(({ tenant, email }, n) => {
    const user = found[n];
    if (!user) violations.push(`${tenant.slug} could not find its own ${email}`);
    else check(tenant, 'same-tick lookup', [user.email]);
  });

  return { requests, rowsChecked, violations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { closeSharedPool } = await import('../pool.ts');
  const tenants = JSON.parse(process.argv[2]!) as Tenant[];
  const result = await runIsolationWorkload(tenants, Number(process.argv[3] ?? 50));
  process.stdout.write(JSON.stringify(result));
  await closeSharedPool();
  process.exit(0);
}
