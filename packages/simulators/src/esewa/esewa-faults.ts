import { z } from 'zod';

/**
 * Outages the local eSewa plays on demand for the next `count` calls of one API: an HTTP error
 * (500 or 503, with eSewa's "Service is currently unavailable" body) or a delay before the
 * answer (longer than the caller's timeout, a timeout). A fault with both waits, then fails.
 */
export const esewaFaultSchema = z
  .object({
    target: z.enum(['status', 'refund']).default('status'),
    status: z.number().int().min(500).max(599).optional(),
    delayMs: z.number().int().min(1).max(120_000).optional(),
    count: z.number().int().min(1).max(1_000).default(1),
  })
  .refine((fault) => fault.status !== undefined || fault.delayMs !== undefined, 'a fault needs a status or a delayMs');
export type EsewaFault = z.infer<typeof esewaFaultSchema>;

const MAX_FAULTS = 100;

export class EsewaFaults {
  private faults: EsewaFault[] = [];

  add(fault: EsewaFault): void {
    if (this.faults.length < MAX_FAULTS) this.faults.push({ ...fault });
  }

  /** The first fault for `target`, counting one use of it. */
  take(target: EsewaFault['target']): EsewaFault | undefined {
    const index = this.faults.findIndex((f) => f.target === target);
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    fault.count -= 1;
    if (fault.count <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  list(): EsewaFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
