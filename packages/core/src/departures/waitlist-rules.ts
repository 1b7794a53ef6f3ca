import { isoDate } from '@himal/gds';
import { z } from 'zod';

/**
 * What a place on a waitlist is: a group of at most 9 (what one order books), named and reachable
 * by e-mail, and at most 500 waiting per departure (beyond that nobody realistically gets a seat,
 * and a bounded list keeps each promotion a bounded read).
 */
export const MAX_WAITLIST_SEATS = 9;
export const MAX_WAITING_ENTRIES = 500;

export const waitlistTravellerSchema = z.strictObject({
  title: z.enum(['mr', 'ms', 'mrs', 'miss', 'dr']).optional(),
  givenName: z.string().trim().min(1).max(60),
  familyName: z.string().trim().min(1).max(60),
  dateOfBirth: isoDate.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, 'a phone number, e.g. +977 1 4000000')
    .optional(),
});

/** E-mail addresses are compared and kept in lower case, so one traveller is one traveller. */
export const waitlistEmailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const joinWaitlistSchema = z.strictObject({
  seats: z.number().int().min(1).max(MAX_WAITLIST_SEATS),
  traveller: waitlistTravellerSchema,
  email: waitlistEmailSchema,
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag, e.g. en or ne')
    .default('en'),
});
