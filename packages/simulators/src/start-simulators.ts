// npm run simulators -w @himal/simulators: every supplier simulator on its fixed port, until Ctrl-C.
import { SIMULATED_SUPPLIERS, startSimulators } from './index.ts';

const running = await startSimulators();
for (const supplier of SIMULATED_SUPPLIERS) {
  const simulator = running.simulators.get(supplier.supplierId);
  if (simulator) console.log(`${supplier.supplierId.padEnd(14)} ${simulator.endpoint}  (${supplier.products.join(', ')})`);
}
const stop = () => void running.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
