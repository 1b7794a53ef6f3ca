import { describe, expect, it } from 'vitest';
import { SupplierError } from '../errors.ts';
import { CircuitBreaker, isOutage } from './circuit-breaker.ts';

const outage = new SupplierError('SUPPLIER_UNAVAILABLE', 'down', { supplierId: 'x' });
const noAvailability = new SupplierError('SUPPLIER_BUSINESS_ERROR', 'no rooms', { supplierId: 'x' });

function breaker() {
  let now = 0;
  const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: () => now });
  return { b, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive outages and refuses calls while open', () => {
    const { b } = breaker();
    for (let i = 0; i < 2; i++) {
      expect(b.tryAcquire()).toBe(true);
      b.recordFailure(outage);
    }
    expect(b.state).toBe('closed');
    b.tryAcquire();
    b.recordFailure(outage);
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    expect(b.retryInMs()).toBe(1_000);
  });

  it('counts only consecutive outages: an answer in between starts the count again', () => {
    const { b } = breaker();
    b.recordFailure(outage);
    b.recordFailure(outage);
    b.recordSuccess();
    b.recordFailure(outage);
    b.recordFailure(outage);
    expect(b.state).toBe('closed');
  });

  it('does not count business errors: the supplier answered', () => {
    const { b } = breaker();
    for (let i = 0; i < 10; i++) b.recordFailure(noAvailability);
    expect(b.state).toBe('closed');
    expect(isOutage(noAvailability)).toBe(false);
    expect(isOutage(new SupplierError('SUPPLIER_TIMEOUT', 't', { supplierId: 'x' }))).toBe(true);
  });

  it("does not count the platform's own failures (bad input the adapter refused, a bug)", () => {
    const { b } = breaker();
    for (let i = 0; i < 10; i++) b.recordFailure(new Error('100.125 has more decimals than NPR (2)'));
    expect(b.state).toBe('closed');
    expect(isOutage(new TypeError('adapter bug'))).toBe(false);
  });

  it('counts SOAP server faults but not client faults, whatever the prefix', () => {
    const fault = (supplierCode: string) => new SupplierError('SUPPLIER_FAULT', 'f', { supplierId: 'x', supplierCode });
    expect(isOutage(fault('soap:Server'))).toBe(true);
    expect(isOutage(fault('env:Receiver'))).toBe(true);
    expect(isOutage(fault('soap:Client'))).toBe(false);
    expect(isOutage(fault('SOAP-ENV:Client.InvalidRequest'))).toBe(false);
    expect(isOutage(fault('env:Sender'))).toBe(false);
    const { b } = breaker();
    for (let i = 0; i < 10; i++) b.recordFailure(fault('soap:Client'));
    expect(b.state).toBe('closed');
  });

  it('frees the half-open trial when it fails on the platform side', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure(outage);
    advance(1_000);
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure(new Error('could not build the request'));
    expect(b.tryAcquire()).toBe(true);
  });

  it('half-opens after the cooldown and lets exactly one trial call through', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure(outage);
    advance(1_000);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.recordSuccess();
    expect(b.state).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
  });

  it('reopens for another cooldown when the trial call fails', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure(outage);
    advance(1_500);
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure(outage);
    expect(b.state).toBe('open');
    advance(999);
    expect(b.tryAcquire()).toBe(false);
    advance(1);
    expect(b.tryAcquire()).toBe(true);
  });
});
