import { z } from 'zod';

/**
 * A trip's day-by-day itinerary, as the agency writes it and travellers read it. Bounded so one
 * version stays a small JSON document: at most 60 days, texts of sensible length, altitudes on
 * Earth (0 to Everest's 8,849 m). Days are numbered 1..n in order, so "day 4" means one thing.
 */
export const MAX_ITINERARY_DAYS = 60;
export const MAX_ALTITUDE_METRES = 8849;

const text = (max: number) => z.string().trim().min(1).max(max);

export const itineraryDaySchema = z.strictObject({
  day: z.number().int().min(1).max(MAX_ITINERARY_DAYS),
  title: text(120),
  description: text(4000),
  altitudeMetres: z.number().int().min(0).max(MAX_ALTITUDE_METRES).optional(),
  accommodation: text(200).optional(),
  guide: text(120).optional(),
  stage: z
    .strictObject({
      from: text(120),
      to: text(120),
      distanceKm: z.number().min(0).max(1000).optional(),
    })
    .optional(),
});

export type ItineraryDay = z.infer<typeof itineraryDaySchema>;

export const itineraryDaysSchema = z
  .array(itineraryDaySchema)
  .min(1)
  .max(MAX_ITINERARY_DAYS)
  .superRefine((days, context) => {
    days.forEach((day, index) => {
      if (day.day !== index + 1)
        context.addIssue({
          code: 'custom',
          path: [index, 'day'],
          message: `days are numbered 1..n in order: expected ${index + 1}`,
        });
    });
  });
