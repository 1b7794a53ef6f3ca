// npm run stripe -w @himal/simulators: the local Stripe server on its fixed port, until Ctrl-C. Point
// the platform at it with STRIPE_API_URL; STRIPE_WEBHOOK_URL (optional) receives its events, signed
// with LOCAL_STRIPE_WEBHOOK_SECRET.
import { LOCAL_STRIPE_PORT, LOCAL_STRIPE_WEBHOOK_SECRET, startStripeServer } from './index.ts';

const webhookUrl = process.env.STRIPE_WEBHOOK_URL;
const server = await startStripeServer({
  port: LOCAL_STRIPE_PORT,
  webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret: LOCAL_STRIPE_WEBHOOK_SECRET }] : [],
});
console.log(`local Stripe     ${server.url}  (STRIPE_API_URL=${server.url}${webhookUrl ? `, webhooks to ${webhookUrl}` : ''})`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
