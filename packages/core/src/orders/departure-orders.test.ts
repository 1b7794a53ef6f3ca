import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { withTenant, type CreatedTenant, type Tenant } from '@himal/db';
import { LOCAL_STRIPE_SECRET_KEY, payOnHostedCheckout, startStripeServer, type RunningStripeServer } from '@himal/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeparture, createTrip } from '../departures/index.ts';
import { installJobQueue } from '../jobs/job-worker.ts';
import { createStripeProvider } from '../payments/stripe/stripe-provider.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { applyPaymentOutcome } from './apply-payment-outcome.ts';
import { carryOutCancellation } from './carry-out-cancellation.ts';
import { confirmOrder } from './confirm-order.ts';
import { createOrder } from './create-order.ts';
import { expireHold } from './expire-hold.ts';
import { confirmOrderCancellation, quoteOrderCancellation } from './order-cancellations.ts';
import { orderEvents, readOrder } from './order-repository.ts';
import { isOrderError } from './order-errors.ts';

let stripeServer: RunningStripeServer;
let stripe: PaymentProvider;
const tenants: CreatedTenant[] = [];
const tenant = (): Tenant => tenants[0]!.tenant;
let tripId: string;

const inAMonth = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
const traveller = (givenName: string) => ({
  givenName,
  familyName: 'Sherpa',
  dateOfBirth: '1990-04-01',
  nationality: 'NP',
  passport: { number: 'PA1234567', expiresOn: '2032-01-01' },
});
const contact = { email: 'pasang@example.com', phone: '+9779812345678' };

async function departureWith(capacity: number, startsOn = inAMonth) {
  return createDeparture(tenant(), { tripId, startsOn, capacity, price: { amountMinor: 150_000, currency: 'USD' } });
}

async function seatsOf(departureId: string) {
  return withTenant(tenant(), (trx) =>
    trx
      .selectFrom('departures')
      .select(['capacity', 'held_seats', 'booked_seats'])
      .where('id', '=', departureId)
      .executeTakeFirstOrThrow(),
  );
}

beforeAll(async () => {
  await installJobQueue();
  stripeServer = await startStripeServer({ port: 0 });
  stripe = createStripeProvider({ secretKey: LOCAL_STRIPE_SECRET_KEY, apiUrl: stripeServer.url });
  tenants.push(await createTestTenant());
  tripId = (
    await createTrip(tenant(), {
      slug: 'annapurna-circuit',
      name: 'Annapurna Circuit',
      days: [
        { day: 1, title: 'Besisahar to Chame', description: 'Drive and walk up the Marsyangdi.', altitudeMetres: 2670 },
        { day: 2, title: 'Chame to Pisang', description: 'Pine forest and the Paungda Danda.', altitudeMetres: 3200 },
      ],
    })
  ).id;
});

afterAll(async () => {
  await stripeServer?.close();
  await deleteTestTenants(tenants);
});

describe('a departure order paid by card', () => {
  it('is held, paid on the hosted page, confirmed, captured, then cancelled and refunded, every step an event', async () => {
    const departure = await departureWith(4);
    const providers = { stripe };
    const { order, accessToken } = await createOrder(
      tenant(),
      {
        type: 'instant',
        items: [{ departureId: departure.id, seats: 2 }],
        travellers: [traveller('Pasang'), traveller('Dawa')],
        contact,
        payment: { method: 'card', currency: 'USD' },
      },
      { providers },
    );
    expect(accessToken).toMatch(/^oat_/);
    expect(order).toMatchObject({ status: 'held', total: { amountMinor: 300_000, currency: 'USD' } });
    expect(order.items[0]).toMatchObject({ status: 'held', seats: 2, itineraryVersionId: expect.any(String) });
    expect(await seatsOf(departure.id)).toMatchObject({ held_seats: 2, booked_seats: 0 });
    const payment = order.payments[0]!;
    expect(payment.status).toBe('requires_action');

    const paid = await payOnHostedCheckout(payment.nextAction!.redirectUrl!, { number: '4242424242424242' });
    expect(paid.status).toBe(303);
    const record = (await readOrder(tenant(), order.id))!;
    const observed = await stripe.retrieve(record.payments[0]!.provider_reference!, order.total);
    expect(observed.status).toBe('authorized');
    expect(
      await applyPaymentOutcome(tenant(), payment.id, { observed, actor: 'provider:stripe', eventId: 'stripe:evt_test_1' }),
    ).toBe('applied');
    // The same event again changes nothing.
    expect(
      await applyPaymentOutcome(tenant(), payment.id, { observed, actor: 'provider:stripe', eventId: 'stripe:evt_test_1' }),
    ).toBe('ignored');

    await confirmOrder(tenant(), order.id, { providers });
    const confirmed = (await readOrder(tenant(), order.id))!;
    expect(confirmed.order.status).toBe('confirmed');
    expect(confirmed.payments[0]).toMatchObject({ status: 'captured', captured_minor: '300000' });
    expect(await seatsOf(departure.id)).toMatchObject({ held_seats: 0, booked_seats: 2 });
    expect((await stripe.retrieve(confirmed.payments[0]!.provider_reference!, order.total)).status).toBe('captured');

    const quote = await quoteOrderCancellation(tenant(), order.id, { providers });
    expect(quote).toMatchObject({ status: 'quoted', penalty: { amountMinor: 0 }, refund: { amountMinor: 300_000 } });
    await confirmOrderCancellation(tenant(), quote.id, { providers });
    await carryOutCancellation(tenant(), order.id, quote.id, { providers });
    const cancelled = (await readOrder(tenant(), order.id))!;
    expect(cancelled.order.status).toBe('refunded');
    expect(cancelled.payments[0]).toMatchObject({ status: 'refunded', refunded_minor: '300000' });
    expect(await seatsOf(departure.id)).toMatchObject({ held_seats: 0, booked_seats: 0 });
    expect((await stripe.retrieve(cancelled.payments[0]!.provider_reference!, order.total)).status).toBe('refunded');

    const states = (await orderEvents(tenant(), order.id))
      .filter((event) => event.subject === 'order')
      .map((event) => event.to_state);
    expect(states).toEqual(['pending', 'held', 'confirming', 'confirmed', 'cancelling', 'refunded']);
  });

  it('refuses a declined card and keeps the order held until its deadline, then frees the seats', async () => {
    const departure = await departureWith(1);
    const { order } = await createOrder(
      tenant(),
      {
        type: 'instant',
        items: [{ departureId: departure.id, seats: 1 }],
        travellers: [traveller('Mingma')],
        contact,
        payment: { method: 'card', currency: 'USD' },
      },
      { providers: { stripe } },
    );
    const declined = await payOnHostedCheckout(order.payments[0]!.nextAction!.redirectUrl!, { number: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect((await readOrder(tenant(), order.id))!.order.status).toBe('held');
    await expireHold(tenant(), order.id, { providers: { stripe }, now: () => new Date(Date.now() + 2 * 3_600_000) });
    const expired = (await readOrder(tenant(), order.id))!;
    expect(expired.order.status).toBe('expired');
    expect(expired.items[0]!.status).toBe('expired');
    expect(expired.payments[0]!.status).toBe('voided');
    expect(await seatsOf(departure.id)).toMatchObject({ held_seats: 0, booked_seats: 0 });
  });
});

describe('order requests', () => {
  it('refuse names with digits, a birth date in the future, a passport that expires before the trip ends, and a seat count that is not one per traveller', async () => {
    const departure = await departureWith(5);
    const attempt = createOrder(tenant(), {
      type: 'hold',
      items: [{ departureId: departure.id, seats: 3 }],
      travellers: [{ ...traveller('P4sang') }, { ...traveller('Dawa'), dateOfBirth: '2999-01-01' }],
      contact,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const error = await attempt.catch((caught: unknown) => caught);
    const paths = isOrderError(error) ? (error.details.fields ?? []).map((field) => field.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['travellers.0.givenName', 'travellers.1.dateOfBirth']));

    const expiring = createOrder(tenant(), {
      type: 'hold',
      items: [{ departureId: departure.id, seats: 3 }],
      travellers: [
        traveller('Pasang'),
        { ...traveller('Dawa'), passport: { number: 'PB7654321', expiresOn: inAMonth.replace(/-\d\d$/, '-01') } },
      ],
      contact,
    });
    const fields = await expiring.catch((caught: unknown) => (isOrderError(caught) ? caught.details.fields : []));
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'items.0.seats' }),
        expect.objectContaining({ path: 'travellers.1.passport.expiresOn' }),
      ]),
    );
    expect(await seatsOf(departure.id)).toMatchObject({ held_seats: 0 });
  });
});

describe('the last seat', () => {
  it('goes to exactly one of 50 concurrent orders; the rest are told INVENTORY_EXHAUSTED', async () => {
    const departure = await departureWith(1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        createOrder(tenant(), {
          type: 'hold',
          items: [{ departureId: departure.id, seats: 1 }],
          travellers: [traveller(`Climber ${'abcdefghijklmnopqrstuvwxyz'[index % 26]}`)],
          contact,
        }),
      ),
    );
    const held = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as { code?: string }] : []));
    expect(held).toHaveLength(1);
    expect(refused.map((reason) => reason.code)).toEqual(Array(49).fill('INVENTORY_EXHAUSTED'));
    expect(await seatsOf(departure.id)).toMatchObject({ capacity: 1, held_seats: 1, booked_seats: 0 });
  });
});
