/**
 * Offline migration SQL from Prisma schemas, through the WebAssembly build of Prisma's schema engine
 * (the native engine cannot be downloaded on these machines). Used by the scripts that write new
 * migrations and by the test that keeps committed SQL and Prisma schemas in agreement.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine as SchemaEngineType, DiffTarget } from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);
export interface DatamodelFile {
  path: string;
  content: string;
}

let bindings: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

function loadBindings() {
  bindings ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

/** SQL that takes a database from the `from` datamodel (or nothing) to the `to` datamodel. */
export async function diffDatamodels(
  connectionString: string,
  from: DatamodelFile[] | 'empty',
  to: DatamodelFile[],
): Promise<string> {
  const { SchemaEngine } = await loadBindings();
  const factory = new PrismaPg({ connectionString });
  const engine: SchemaEngineType = await SchemaEngine.new(
    { datamodels: to.map((file) => [file.path, file.content]) },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  try {
    const fromTarget: DiffTarget = from === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: from };
    const result = await engine.diff({
      from: fromTarget,
      to: { tag: 'schemaDatamodel', files: to },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
