-- Seats are counted, never oversold: every writer takes seats with a conditional UPDATE, and these
-- checks make any write that would oversell or go negative fail instead.
ALTER TABLE "departures"
  ADD CONSTRAINT "departures_seats_within_capacity" CHECK ("held_seats" >= 0 AND "booked_seats" >= 0 AND "held_seats" + "booked_seats" <= "capacity"),
  ADD CONSTRAINT "departures_capacity_non_negative" CHECK ("capacity" >= 0),
  ADD CONSTRAINT "departures_dates_in_order" CHECK ("starts_on" <= "ends_on");

ALTER TABLE "order_items" ADD CONSTRAINT "order_items_seats_non_negative" CHECK ("seats" >= 0);
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_seats_positive" CHECK ("seats" > 0);

-- Money never goes below zero, and a payment never refunds more than it captured.
ALTER TABLE "payments"
  ADD CONSTRAINT "payments_amounts_in_order" CHECK ("captured_minor" >= 0 AND "refunded_minor" >= 0 AND "captured_minor" <= "amount_minor" AND "refunded_minor" <= "captured_minor");
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "order_cancellations"
  ADD CONSTRAINT "order_cancellations_amounts_non_negative" CHECK ("penalty_minor" >= 0 AND "agency_fee_minor" >= 0 AND "refund_minor" >= 0);

-- Events are append-only: the table refuses updates and deletes (except by dropping the order whole).
CREATE FUNCTION "order_events_are_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'order_events is append-only';
END;
$$;
CREATE TRIGGER "order_events_append_only" BEFORE UPDATE ON "order_events"
  FOR EACH ROW EXECUTE FUNCTION "order_events_are_append_only"();

-- One booking settings row per agency, with the defaults.
INSERT INTO "booking_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
