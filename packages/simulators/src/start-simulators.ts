// npm run simulators -w @himal/simulators: every supplier simulator and the mail catcher on their
// fixed ports, until Ctrl-C.
import { SIMULATED_SUPPLIERS, startMailCatcher, startSimulators } from './index.ts';

const running = await startSimulators();
for (const supplier of SIMULATED_SUPPLIERS) {
  const simulator = running.simulators.get(supplier.supplierId);
  if (simulator) console.log(`${supplier.supplierId.padEnd(14)} ${simulator.endpoint}  (${supplier.products.join(', ')})`);
}
const catcher = await startMailCatcher();
console.log(`${'mail-catcher'.padEnd(14)} smtp://127.0.0.1:${catcher.smtpPort}  (mail sent: ${catcher.httpUrl})`);
const stop = () => void Promise.all([running.stop(), catcher.close()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
