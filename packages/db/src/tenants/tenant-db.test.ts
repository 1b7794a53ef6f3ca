import { randomBytes } from 'node:crypto';
import { sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../provisioning/create-tenant.ts';
import { createTestTenant, deleteTestTenants } from '../testing/index.ts';
import { tenantDb, withTenant, type TenantDb } from './tenant-db.ts';

/**
 * Every shape of query the platform writes must name the tenant's schema on every table, whatever
 * Kysely's version: these compile each shape and look for a table reference without a schema. A
 * Kysely upgrade that changes how `.withSchema` qualifies tables fails here, not in production.
 */
const SCHEMA = 't_0123456789abcdef';

function shapes(db: TenantDb): Record<string, Compilable> {
  const now = new Date('2026-12-01T00:00:00Z');
  return {
    select: db.selectFrom('users').select(['id', 'email']).where('email', '=', 'a@b.test'),
    'select with alias': db.selectFrom('users as u').select('u.email').where('u.disabled', '=', false),
    'select all': db.selectFrom('theme_settings').selectAll(),
    'inner join': db
      .selectFrom('offers')
      .innerJoin('offer_requests', 'offer_requests.id', 'offers.offer_request_id')
      .select(['offers.id', 'offer_requests.currency']),
    'left join with alias': db
      .selectFrom('offers as o')
      .leftJoin('offer_price_changes as c', 'c.offer_id', 'o.id')
      .select(['o.id', 'c.new_total_minor']),
    'subquery in where': db
      .selectFrom('offer_requests')
      .select('id')
      .where('id', 'in', (eb) => eb.selectFrom('offers').select('offer_request_id').where('product', '=', 'air')),
    exists: db
      .selectFrom('offers')
      .select('id')
      .where((eb) => eb.exists(eb.selectFrom('offer_price_changes').select('id').whereRef('offer_id', '=', 'offers.id'))),
    'subquery in select': db.selectFrom('offer_requests').select((eb) => [
      'id',
      eb
        .selectFrom('offers')
        .select((o) => o.fn.countAll<string>().as('n'))
        .whereRef('offer_request_id', '=', 'offer_requests.id')
        .as('offers'),
    ]),
    'aggregate and group': db
      .selectFrom('offers')
      .select((eb) => ['product', eb.fn.min('total_minor').as('cheapest')])
      .groupBy('product'),
    'keyset page': db
      .selectFrom('offers')
      .selectAll()
      .where((eb) => eb.or([eb('total_minor', '>', '100'), eb.and([eb('total_minor', '=', '100'), eb('id', '>', 'off_x')])]))
      .orderBy('total_minor')
      .orderBy('id')
      .limit(51),
    'locking read': db.selectFrom('offers').select('id').where('id', '=', 'off_x').forUpdate(),
    'common table expression': db
      .with('cheap', (w) => w.selectFrom('offers').select(['id', 'total_minor']).where('total_minor', '<', '1000'))
      .selectFrom('cheap')
      .select('id'),
    insert: db.insertInto('users').values({ email: 'a@b.test', name: 'A', password_hash: 'x' }).returning('id'),
    'insert many': db
      .insertInto('offer_requests')
      .values([
        { id: 'orq_shape_1', product: 'air', request: '{}', currency: 'NPR' },
        { id: 'orq_shape_2', product: 'hotel', request: '{}', currency: 'USD', warnings: '[]' },
      ])
      .onConflict((oc) => oc.column('id').doNothing()),
    upsert: db
      .insertInto('theme_settings')
      .values({ id: 1, primary_color: '#000000' })
      .onConflict((oc) => oc.column('id').doUpdateSet({ primary_color: '#111111', updated_at: now })),
    'insert from select': db
      .insertInto('users')
      .columns(['email', 'name', 'password_hash'])
      .expression((eb) => eb.selectFrom('users').select(['email', 'name', 'password_hash']).where('email', '=', 'none')),
    update: db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', '00000000-0000-0000-0000-000000000000'),
    'update from': db
      .updateTable('offers')
      .from('offer_requests')
      .set({ expires_at: now })
      .whereRef('offers.offer_request_id', '=', 'offer_requests.id')
      .where('offer_requests.currency', '=', 'XXX'),
    delete: db.deleteFrom('offer_price_changes').where('offer_id', '=', 'off_x'),
    'delete using': db
      .deleteFrom('offers')
      .using('offer_requests')
      .whereRef('offers.offer_request_id', '=', 'offer_requests.id')
      .where('offer_requests.currency', '=', 'XXX'),
  };
}

/** Table positions in PostgreSQL: after FROM, JOIN, INTO, UPDATE, USING and commas of a FROM list. */
function unqualifiedTables(text: string, allowed: string[] = []): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b(?:from|join|into|update|using)\s+"(\w+)"(?!\.)/gi))
    if (!allowed.includes(match[1]!)) found.push(match[1]!);
  return found;
}

describe('tenant queries', () => {
  it('name the tenant schema on every table, in every query shape', () => {
    const db = tenantDb({ schemaName: SCHEMA });
    for (const [shape, query] of Object.entries(shapes(db))) {
      const compiled = query.compile().sql;
      expect(unqualifiedTables(compiled, ['cheap']), `${shape}: ${compiled}`).toEqual([]);
      expect(compiled, shape).toContain(`"${SCHEMA}".`);
    }
  });

  it('would notice an unqualified table (the check itself)', () => {
    expect(unqualifiedTables('select "id" from "users" inner join "t_x"."offers" on 1=1')).toEqual(['users']);
  });

  describe('against a real tenant', () => {
    let created: CreatedTenant;
    beforeAll(async () => {
      created = await createTestTenant();
    });
    afterAll(() => deleteTestTenants([created]));

    it('run as compiled, inside and outside a transaction', async () => {
      const tenant = created.tenant;
      for (const [shape, query] of Object.entries(shapes(tenantDb(tenant)))) {
        if (shape === 'insert') continue; // run below with a unique email
        await expect(tenantDb(tenant).executeQuery(query.compile()), shape).resolves.toBeDefined();
      }
      await withTenant(tenant, async (trx) => {
        for (const [shape, query] of Object.entries(shapes(trx))) {
          if (shape === 'insert') continue;
          await expect(trx.executeQuery(query.compile()), shape).resolves.toBeDefined();
        }
      });
      const email = `shape-${randomBytes(3).toString('hex')}@${tenant.slug}.test`;
      const inserted = await tenantDb(tenant)
        .insertInto('users')
        .values({ email, name: 'Shape', password_hash: 'x' })
        .returning(['id', 'created_at', 'updated_at'])
        .executeTakeFirstOrThrow();
      expect(inserted.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(inserted.updated_at).toBeInstanceOf(Date);
    });

    it('roll back together when the work throws', async () => {
      const tenant = created.tenant;
      const email = `rollback-${randomBytes(3).toString('hex')}@${tenant.slug}.test`;
      await expect(
        withTenant(tenant, async (trx) => {
          await trx.insertInto('users').values({ email, name: 'Gone', password_hash: 'x' }).execute();
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(
        await tenantDb(tenant).selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
      ).toBeUndefined();
    });

    it('end a statement that runs past the transaction statement timeout', async () => {
      await expect(
        withTenant(created.tenant, (trx) => sql`SELECT pg_sleep(2)`.execute(trx), { statementTimeoutMs: 100 }),
      ).rejects.toThrow(/statement timeout/);
    });

    it('run at the isolation level asked for', async () => {
      const level = await withTenant(
        created.tenant,
        (trx) => sql<{ transaction_isolation: string }>`SHOW transaction_isolation`.execute(trx),
        {
          isolationLevel: 'serializable',
        },
      );
      expect(level.rows[0]!.transaction_isolation).toBe('serializable');
    });
  });
});
