// The Node HTTP server both apps run behind (`npm run start -w @himal/web`): refuses malformed
// requests before Next.js sees them. Server-only: never imported by app code that Next bundles.
export { serveNextApp, type ServeNextAppOptions } from './serve-next-app.ts';
export { refuseAtEdge, edgeRefusalResponse, clientAddressOf, ALLOWED_METHODS, type EdgeRefusal } from './http-edge.ts';
