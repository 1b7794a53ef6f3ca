/**
 * npx tsx docker/check.ts
 *
 * No Docker engine runs on the developers' machines or in CI, so docker/ cannot be built there.
 * This keeps it consistent with the repository by hand-written rules instead: compose.yaml parses,
 * every build context, Dockerfile, `npm run` script and workspace it names exists, variables are
 * documented in .env.example, ports agree, and the apps reach PostgreSQL the way the design says
 * (queries through PgBouncer, sessions and migrations direct). Exits 1 on the first broken rule set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const DOCKER_DIR = import.meta.dirname;
const ROOT = join(DOCKER_DIR, '..');
// js-yaml is already in the workspace's tree (through eslint); it understands anchors and aliases.
const yaml = createRequire(join(ROOT, 'package.json'))('js-yaml') as { load: (text: string) => unknown };

interface Service {
  image?: string;
  build?: { context: string; dockerfile?: string };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
/** The host of a URL in compose.yaml, its ${VARIABLES} left uninterpolated. */
const hostOf = (url: unknown): string => new URL(String(url).replace(/\$\{[^}]*\}/g, 'x')).hostname;
const problems: string[] = [];
let checks = 0;
const check = (ok: boolean, problem: string) => {
  checks += 1;
  if (!ok) problems.push(problem);
};

interface Manifest {
  name: string;
  dir: string;
  scripts?: Record<string, string>;
  packageManager?: string;
  engines?: { node?: string };
}
const readManifest = (dir: string): Manifest => ({ ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')), dir });
const rootPackage = readManifest(ROOT);
const workspaceDirs = ['apps', 'packages']
  .flatMap((base) => (existsSync(join(ROOT, base)) ? readdirSync(join(ROOT, base)).map((name) => join(ROOT, base, name)) : []))
  .concat(join(ROOT, 'bench'))
  .filter((dir) => existsSync(join(dir, 'package.json')));
const workspaces = new Map(workspaceDirs.map((dir) => [readManifest(dir).name, readManifest(dir)]));

const composeText = readFileSync(join(DOCKER_DIR, 'compose.yaml'), 'utf8');
const compose = yaml.load(composeText) as { services: Record<string, Service> };
const services = compose.services;
const envExample = readFileSync(join(DOCKER_DIR, '.env.example'), 'utf8');
const documented = new Set([...envExample.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));

// Variables: required ones (${X:?...}) and defaulted ones must all be in .env.example.
for (const [, name] of composeText.matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?::?[-?][^}]*)?\}/g)) {
  check(documented.has(name!), `compose.yaml uses \${${name}} but docker/.env.example does not document it`);
}

for (const [name, service] of Object.entries(services)) {
  for (const dependency of Object.keys(service.depends_on ?? {})) {
    check(dependency in services, `${name} depends on unknown service ${dependency}`);
  }
  if (!service.build) continue;
  const context = resolve(DOCKER_DIR, service.build.context);
  const dockerfilePath = join(context, service.build.dockerfile ?? 'Dockerfile');
  check(existsSync(context), `${name}: build context ${service.build.context} does not exist`);
  check(existsSync(dockerfilePath), `${name}: ${dockerfilePath} does not exist`);
  if (!existsSync(dockerfilePath)) continue;
  const dockerfile = readFileSync(dockerfilePath, 'utf8');
  for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(\S+)/gm)) {
    if (source !== '.')
      check(existsSync(join(context, source!)), `${name}: ${dirname(dockerfilePath)} copies ${source}, which is missing`);
  }
  if (context !== ROOT) continue;

  // Node images: the npm and Node the repository declares.
  const npmVersion = (rootPackage.packageManager ?? '').replace(/^npm@/, '');
  check(
    dockerfile.includes(`npm install -g npm@${npmVersion}`),
    `${name}: Dockerfile does not install npm@${npmVersion} (packageManager)`,
  );
  const nodeMajor = Number(/node:(\d+)/.exec(dockerfile)?.[1]);
  const minimumMajor = Number(/(\d+)/.exec(String(rootPackage.engines?.node))?.[1]);
  check(nodeMajor >= minimumMajor, `${name}: node:${nodeMajor} is older than engines.node ${rootPackage.engines?.node}`);

  // `npm run <script> [-w <workspace>]` lines must name scripts that exist where they run.
  for (const [, script, workspace] of dockerfile.matchAll(/npm run (?:--\S+ )*([\w:-]+)(?: -w ([@\w/-]+))?/g)) {
    const scripts = workspace ? workspaces.get(workspace)?.scripts : rootPackage.scripts;
    check(
      Boolean(scripts?.[script!]),
      `${name}: Dockerfile runs \`npm run ${script}${workspace ? ` -w ${workspace}` : ''}\`, which does not exist`,
    );
  }
  const cmdArgs = /^CMD \[(.*)\]$/m.exec(dockerfile)?.[1] ?? '';
  for (const [, script] of cmdArgs.matchAll(/"run", (?:"--\S+", )*"([\w:-]+)"/g)) {
    check(Boolean(rootPackage.scripts?.[script!]), `${name}: CMD runs \`npm run ${script}\`, which does not exist`);
  }

  const env = service.environment ?? {};
  const app = /-w (@himal\/\w+)/.exec(dockerfile)?.[1];
  if (app) {
    const manifest = workspaces.get(app);
    const exposed = Number(/^EXPOSE (\d+)/m.exec(dockerfile)?.[1]);
    const scriptPort = Number(/PORT:-(\d+)/.exec(manifest?.scripts?.start ?? '')?.[1]);
    check(Number(env.PORT) === exposed, `${name}: PORT ${env.PORT} differs from the Dockerfile's EXPOSE ${exposed}`);
    check(scriptPort === exposed, `${name}: ${app}'s start script defaults to port ${scriptPort}, the image exposes ${exposed}`);
    check(Boolean(service.ports?.some((port) => port.endsWith(`:${exposed}`))), `${name}: port ${exposed} is not published`);
    check(/\/api\/health/.test(dockerfile) && /^HEALTHCHECK/m.test(dockerfile), `${name}: no HEALTHCHECK on /api/health`);
    check(/^USER (?!root)\S+/m.test(dockerfile), `${name}: the image runs as root`);
    check(
      existsSync(join(manifest?.dir ?? '', 'app', 'api', 'health', 'route.ts')),
      `${name}: ${app} has no app/api/health/route.ts`,
    );
    check(hostOf(env.DATABASE_URL) === 'pgbouncer', `${name}: DATABASE_URL must go through pgbouncer`);
    check(hostOf(env.DIRECT_DATABASE_URL) === 'postgres', `${name}: DIRECT_DATABASE_URL must go straight to postgres`);
    check(
      service.depends_on?.migrate?.condition === 'service_completed_successfully',
      `${name}: must start after migrate completes`,
    );
  } else if (/tenants/.test(cmdArgs)) {
    check(
      hostOf(env.DATABASE_URL) === 'postgres',
      `${name}: migrations need a session: DATABASE_URL must go straight to postgres`,
    );
  }
}

check(services.migrate?.depends_on?.postgres?.condition === 'service_healthy', 'migrate must wait for a healthy postgres');
check(services.pgbouncer?.depends_on?.postgres?.condition === 'service_healthy', 'pgbouncer must wait for a healthy postgres');
const pgbouncerIni = readFileSync(join(DOCKER_DIR, 'pgbouncer', 'pgbouncer.ini'), 'utf8');
check(/^pool_mode = transaction$/m.test(pgbouncerIni), 'pgbouncer.ini must pool in transaction mode');
check(/^listen_port = 6432$/m.test(pgbouncerIni), 'pgbouncer.ini must listen on 6432, the port of DATABASE_URL');

if (problems.length > 0) {
  for (const problem of problems) console.error(`docker/: ${problem}`);
  console.error(`${checks - problems.length} passed, ${problems.length} failed`);
  process.exit(1);
}
console.log(`docker/: ${checks} consistency checks passed`);
