/**
 * Synthetic tenant schemas of 25 or 50 models, for what a tenant schema with the booking, ledger and
 * content models still to come will cost: realistic tables (8–15 columns of text, numbers, money,
 * timestamps, JSON, arrays, enums; indexes; a unique key here and there; foreign keys to earlier
 * tables) described once and written both as a Prisma schema (for the reference's per-tenant clients)
 * and as the DDL Prisma's migrations would produce for it (for the tenant schemas in the database).
 * The same seed gives the same schema in every run.
 */
import { seededRandom } from './web-reads.ts';

// prettier-ignore
const TABLES = [
  'bookings', 'booking_passengers', 'booking_segments', 'tickets', 'payments', 'refunds', 'invoices',
  'invoice_lines', 'ledger_accounts', 'ledger_entries', 'customers', 'customer_documents', 'customer_notes',
  'loyalty_accounts', 'hotel_reservations', 'hotel_rooms', 'car_rentals', 'insurance_policies',
  'visa_applications', 'itineraries', 'itinerary_items', 'quotes', 'quote_lines', 'commissions', 'markups',
  'promotions', 'vouchers', 'supplier_contracts', 'supplier_rates', 'fare_rules', 'seat_maps', 'ancillaries',
  'baggage_allowances', 'email_messages', 'sms_messages', 'webhooks', 'api_keys', 'audit_events', 'tasks',
  'support_tickets', 'support_messages', 'reviews', 'content_pages', 'media_assets', 'tax_rules', 'payouts',
  'chargebacks', 'reconciliation_runs', 'report_exports', 'agent_shifts',
] as const;

const ENUMS: Array<{ name: string; values: string[] }> = [
  { name: 'BookingStatus', values: ['pending', 'confirmed', 'ticketed', 'cancelled', 'refunded'] },
  { name: 'PaymentMethod', values: ['card', 'bank_transfer', 'wallet', 'cash', 'credit'] },
  { name: 'DocumentKind', values: ['passport', 'visa', 'national_id', 'other'] },
  { name: 'SalesChannel', values: ['web', 'agent', 'api', 'phone'] },
  { name: 'Priority', values: ['low', 'normal', 'high', 'urgent'] },
  { name: 'LedgerSide', values: ['debit', 'credit'] },
  { name: 'ContentState', values: ['draft', 'review', 'published', 'archived'] },
  { name: 'TravellerType', values: ['adult', 'child', 'infant'] },
  { name: 'CabinClass', values: ['economy', 'premium', 'business', 'first'] },
  { name: 'MessageState', values: ['queued', 'sent', 'delivered', 'failed'] },
];

type ColumnKind = 'text' | 'int' | 'bigint' | 'bool' | 'timestamp' | 'json' | 'decimal' | 'textArray' | 'enum';

export interface SyntheticColumn {
  /** snake_case, as in the database; the Prisma field is its camelCase with @map. */
  name: string;
  kind: ColumnKind;
  optional: boolean;
  enumName?: string;
  unique?: boolean;
  /** SQL default (and the matching Prisma @default). */
  defaultSql?: string;
}

export interface SyntheticModel {
  table: string;
  model: string;
  columns: SyntheticColumn[];
  indexes: string[][];
  /** A foreign key `<parent>_id` to an earlier model's id (ON DELETE CASCADE). */
  parent?: { model: string; table: string; column: string };
}

export interface SyntheticSchema {
  models: SyntheticModel[];
  enums: Array<{ name: string; values: string[] }>;
}

const FIELD_POOL: Array<Omit<SyntheticColumn, 'enumName'>> = [
  { name: 'reference', kind: 'text', optional: false },
  { name: 'external_id', kind: 'text', optional: true, unique: true },
  { name: 'amount_minor', kind: 'bigint', optional: false },
  { name: 'currency', kind: 'text', optional: false },
  { name: 'quantity', kind: 'int', optional: false, defaultSql: '1' },
  { name: 'notes', kind: 'text', optional: true },
  { name: 'metadata', kind: 'json', optional: true },
  { name: 'active', kind: 'bool', optional: false, defaultSql: 'true' },
  { name: 'starts_at', kind: 'timestamp', optional: true },
  { name: 'ends_at', kind: 'timestamp', optional: true },
  { name: 'tags', kind: 'textArray', optional: false },
  { name: 'rate', kind: 'decimal', optional: true },
  { name: 'email', kind: 'text', optional: true },
  { name: 'country_code', kind: 'text', optional: true },
  { name: 'sort_order', kind: 'int', optional: false, defaultSql: '0' },
  { name: 'payload', kind: 'json', optional: false },
  { name: 'created_by', kind: 'text', optional: true },
];

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const pascal = (snake: string): string => camel(snake).replace(/^[a-z]/, (letter) => letter.toUpperCase());

/** `modelCount` models (at most 50), their columns drawn from a seeded generator. */
export function syntheticSchema(modelCount: number, seed = 7): SyntheticSchema {
  if (modelCount > TABLES.length) throw new Error(`at most ${TABLES.length} synthetic models`);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const enums = ENUMS.slice(0, Math.max(2, Math.round(modelCount / 5)));
  const models: SyntheticModel[] = [];
  for (const [index, table] of TABLES.slice(0, modelCount).entries()) {
    const columns: SyntheticColumn[] = [{ name: 'id', kind: 'text', optional: false }];
    // The first model is the one the memory measurement queries: no foreign key, so a row is easy to add.
    const parent =
      index > 0 && random() < 0.35
        ? (() => {
            const target = models[Math.floor(random() * models.length)]!;
            return { model: target.model, table: target.table, column: `${target.table}_id` };
          })()
        : undefined;
    if (parent) columns.push({ name: parent.column, kind: 'text', optional: false });
    const enumCount = random() < 0.6 ? 1 : 2;
    for (const [n, definition] of [...enums]
      .sort(() => random() - 0.5)
      .slice(0, enumCount)
      .entries()) {
      columns.push({
        name: n === 0 ? 'status' : 'kind',
        kind: 'enum',
        optional: false,
        enumName: definition.name,
        defaultSql: `'${definition.values[0]}'`,
      });
    }
    // 8–15 columns in all, the last two being the timestamps.
    const total = 8 + Math.floor(random() * 8);
    const pool = [...FIELD_POOL].sort(() => random() - 0.5);
    while (columns.length < total - 2 && pool.length) columns.push({ ...pool.pop()! });
    columns.push({ name: 'created_at', kind: 'timestamp', optional: false, defaultSql: 'CURRENT_TIMESTAMP' });
    columns.push({ name: 'updated_at', kind: 'timestamp', optional: false, defaultSql: 'CURRENT_TIMESTAMP' });
    const indexes: string[][] = [];
    if (parent) indexes.push([parent.column, 'created_at']);
    const status = columns.find((column) => column.name === 'status');
    if (status) indexes.push(['status', 'created_at']);
    else indexes.push(['created_at']);
    if (random() < 0.3) indexes.push([pick(columns.filter((column) => ['text', 'int', 'bigint'].includes(column.kind))).name]);
    models.push({ table, model: pascal(table), columns, indexes: dedupe(indexes), parent });
  }
  return { models, enums };
}

function dedupe(indexes: string[][]): string[][] {
  const seen = new Set<string>();
  return indexes.filter((columns) => {
    const key = columns.join(',');
    if (seen.has(key) || (columns.length === 1 && columns[0] === 'id')) return false;
    seen.add(key);
    return true;
  });
}

const SQL_TYPES: Record<Exclude<ColumnKind, 'enum'>, string> = {
  text: 'TEXT',
  int: 'INTEGER',
  bigint: 'BIGINT',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ(3)',
  json: 'JSONB',
  decimal: 'DECIMAL(12,4)',
  textArray: 'TEXT[]',
};

const PRISMA_TYPES: Record<Exclude<ColumnKind, 'enum'>, string> = {
  text: 'String',
  int: 'Int',
  bigint: 'BigInt',
  bool: 'Boolean',
  timestamp: 'DateTime',
  json: 'Json',
  decimal: 'Decimal',
  textArray: 'String[]',
};

/** The DDL of a schema, unqualified (run with search_path on the tenant schema), as Prisma writes it. */
export function syntheticDdl(schema: SyntheticSchema): string {
  const statements: string[] = [];
  for (const definition of schema.enums)
    statements.push(`CREATE TYPE "${definition.name}" AS ENUM (${definition.values.map((v) => `'${v}'`).join(', ')})`);
  for (const model of schema.models) {
    const columns = model.columns.map((column) => {
      const type = column.kind === 'enum' ? `"${column.enumName}"` : SQL_TYPES[column.kind];
      // Prisma lists are nullable columns in SQL.
      const notNull = column.optional || column.kind === 'textArray' ? '' : ' NOT NULL';
      return `    "${column.name}" ${type}${notNull}${column.defaultSql ? ` DEFAULT ${column.defaultSql}` : ''}`;
    });
    statements.push(
      `CREATE TABLE "${model.table}" (\n${columns.join(',\n')},\n\n    CONSTRAINT "${model.table}_pkey" PRIMARY KEY ("id")\n)`,
    );
  }
  for (const model of schema.models) {
    for (const index of model.indexes)
      statements.push(
        `CREATE INDEX "${model.table}_${index.join('_')}_idx" ON "${model.table}"(${index.map((c) => `"${c}"`).join(', ')})`,
      );
    for (const column of model.columns.filter((candidate) => candidate.unique))
      statements.push(`CREATE UNIQUE INDEX "${model.table}_${column.name}_key" ON "${model.table}"("${column.name}")`);
  }
  for (const model of schema.models) {
    if (!model.parent) continue;
    statements.push(
      `ALTER TABLE "${model.table}" ADD CONSTRAINT "${model.table}_${model.parent.column}_fkey" FOREIGN KEY ("${model.parent.column}") REFERENCES "${model.parent.table}"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }
  return `${statements.join(';\n')};\n`;
}

/** The models as a Prisma schema, with `generator` as its generator block. */
export function syntheticPrismaModels(schema: SyntheticSchema): string {
  const blocks: string[] = [];
  for (const definition of schema.enums)
    blocks.push(`enum ${definition.name} {\n${definition.values.map((v) => `  ${v}`).join('\n')}\n}`);
  for (const model of schema.models) {
    const lines = model.columns.map((column) => {
      const type = column.kind === 'enum' ? column.enumName! : PRISMA_TYPES[column.kind];
      const attributes: string[] = [];
      if (column.name === 'id') attributes.push('@id');
      if (column.unique) attributes.push('@unique');
      if (column.defaultSql === 'CURRENT_TIMESTAMP') attributes.push('@default(now())');
      else if (column.defaultSql !== undefined) attributes.push(`@default(${column.defaultSql.replaceAll("'", '')})`);
      if (column.name.includes('_')) attributes.push(`@map("${column.name}")`);
      if (column.kind === 'timestamp') attributes.push('@db.Timestamptz(3)');
      if (column.kind === 'decimal') attributes.push('@db.Decimal(12, 4)');
      const optional = column.optional && column.kind !== 'textArray' ? '?' : '';
      return `  ${camel(column.name)} ${type}${optional} ${attributes.join(' ')}`.trimEnd();
    });
    if (model.parent) {
      lines.push(
        `  parent ${model.parent.model} @relation(fields: [${camel(model.parent.column)}], references: [id], onDelete: Cascade)`,
      );
    }
    for (const child of schema.models.filter((candidate) => candidate.parent?.model === model.model))
      lines.push(`  ${camel(child.table)} ${child.model}[]`);
    for (const index of model.indexes) lines.push(`  @@index([${index.map(camel).join(', ')}])`);
    lines.push(`  @@map("${model.table}")`);
    blocks.push(`model ${model.model} {\n${lines.join('\n')}\n}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

/** One row for `model` (every NOT NULL column without a default filled), as an INSERT. */
export function syntheticRowSql(model: SyntheticModel, id: string): string {
  const values: Record<Exclude<ColumnKind, 'enum'>, string> = {
    text: `'bench'`,
    int: '1',
    bigint: '125000',
    bool: 'true',
    timestamp: 'CURRENT_TIMESTAMP',
    json: `'{"bench":true}'`,
    decimal: '1.2500',
    textArray: `ARRAY['a','b']`,
  };
  const columns = model.columns.filter((column) => !column.optional && column.defaultSql === undefined && column.name !== 'id');
  if (model.parent) throw new Error('rows are only added to models without a parent');
  return `INSERT INTO "${model.table}" ("id"${columns.map((c) => `, "${c.name}"`).join('')}) VALUES ('${id}'${columns
    .map((c) => `, ${values[c.kind as Exclude<ColumnKind, 'enum'>]}`)
    .join('')})`;
}
