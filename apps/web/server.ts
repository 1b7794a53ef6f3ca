// The web app's production server: Next.js behind Node's HTTP server with the platform's edge checks.
import { serveNextApp } from '@himal/http/server';

const port = Number(process.env.PORT ?? 3000);
await serveNextApp({ dir: import.meta.dirname, port, hostname: process.env.HOSTNAME });
console.log(`web listening on ${process.env.HOSTNAME ?? '*'}:${port}`);
