/**
 * Child process of the gds bench: runs supplier simulators (SIMULATORS, comma-separated ids) on free
 * ports, so their CPU is not the measuring process's. Reports their endpoints, then serves until
 * SIGTERM or until its stdin closes (the bench ended or died).
 */
import { startSimulators } from '@himal/simulators';
import { reportToParent } from '../lib/child-process.ts';

const only = (process.env.SIMULATORS ?? '').split(',').filter(Boolean);
const running = await startSimulators({ ports: 'random', only: only.length ? only : undefined });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await running.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();

reportToParent({
  simulators: [...running.simulators.values()].map((simulator) => ({
    id: simulator.id,
    url: simulator.url,
    endpoint: simulator.endpoint,
  })),
});
