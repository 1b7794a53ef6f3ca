// Generated from apps/web/lib/api/openapi.ts by `npm run api:types`; a test fails when it is out of date.
export interface paths {
    "/api/v1/air/offer-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search flights across suppliers */
        post: operations["createAirOfferRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/air/offer-requests/{id}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through the offers of a flight search */
        get: operations["listAirOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hotels/searches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Search hotels across suppliers (one result per property) */
        post: operations["createHotelSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hotels/searches/{id}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through the offers of a hotel search */
        get: operations["listHotelOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/insurance/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Quote travel insurance across insurers */
        post: operations["createInsuranceQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an offer; a stale one is repriced with its supplier first */
        get: operations["getOffer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A flight search: one slice per direction (a return trip has two). */
        AirOfferRequestCreate: {
            /** @description 1 to 6, each to another city, none departing before the one before it. */
            slices: {
                origin: string;
                destination: string;
                /** Format: date */
                departure_date: string;
            }[];
            /** @description 1 to 9, at least one adult; each infant without a seat on an adult's lap; an age, when given, fits the type (adult 12+, child 2–11, infant under 2). */
            passengers: {
                /** @enum {string} */
                type: "adult" | "child" | "infant_without_seat";
                age?: number;
            }[];
            /**
             * @description Default economy.
             * @enum {string}
             */
            cabin_class?: "economy" | "premium_economy" | "business" | "first";
            /** @description Prices are given in this currency (default NPR). */
            currency?: string;
            max_connections?: number;
        };
        /** @description A hotel search in a city or around a point. */
        HotelSearchCreate: {
            /** @description A city code, or a point (latitude, longitude) with a radius (default 5 km). */
            destination: {
                /** @description An airport code stands for its city (PHH searches PKR). */
                city?: string;
                latitude?: number;
                longitude?: number;
                radius_km?: number;
            };
            /** Format: date */
            check_in_date: string;
            /**
             * Format: date
             * @description After check_in_date; stays are at most 30 nights.
             */
            check_out_date: string;
            /** @description 1 to 9 rooms of 1 to 8 adults and up to 6 children (0–17); at most 9 guests in all. */
            rooms: {
                adults: number;
                child_ages?: number[];
            }[];
            /** @description Prices are given in this currency (default NPR). */
            currency?: string;
        };
        /** @description A travel insurance quote for one trip. */
        InsuranceQuoteCreate: {
            trip: {
                destination: string;
                /** Format: date */
                start_date: string;
                /**
                 * Format: date
                 * @description On or after start_date; trips are at most 365 days.
                 */
                end_date: string;
                /** @description What the trip costs: cover for cancellation is priced from it. */
                total_cost: {
                    amount: string;
                    currency: string;
                };
            };
            /** @description 1 to 9; none over 100 on the day the trip starts. */
            travellers: {
                /** Format: date */
                birth_date: string;
            }[];
            /** @description Where the travellers live (default NP). */
            residence_country?: string;
            /** @description Trekking above 4,000 m, rafting and the like (default false). */
            adventure_activities?: boolean;
            /** @description Premiums are given in this currency (default: the trip cost’s). */
            currency?: string;
        };
        Money: {
            amount: string;
            currency: string;
        };
        /** @description The exchange rate the price was converted at, fixed for the life of the offer. */
        FxRate: {
            base: string;
            quote: string;
            rate: string;
            as_of: string;
            source: string;
        };
        /** @description A supplier that failed or warned; the results of the others are still given. */
        Warning: {
            supplier: string;
            code: string;
            message: string;
        };
        Error: {
            /** @description Some codes carry more for the client to act on, e.g. new_total (OFFER_PRICE_CHANGED), required_scope (FORBIDDEN). */
            error: {
                /** @description Stable: VALIDATION_FAILED, MALFORMED_JSON, PAYLOAD_TOO_LARGE, OFFER_NOT_FOUND, OFFER_EXPIRED, UNAUTHENTICATED, FORBIDDEN, IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE, ... */
                code: string;
                message: string;
                request_id: string;
                fields?: {
                    path: string;
                    message: string;
                }[];
            } & {
                [key: string]: unknown;
            };
        };
        AirOffer: {
            /** @description off_…: all a client needs to read or book the offer again. */
            id: string;
            offer_request_id: string;
            supplier: string;
            total_amount: string;
            total_currency: string;
            /** @description The fare without taxes, in the supplier's currency. */
            base_amount: string;
            tax_amount: string;
            /** @description The supplier’s own price, before conversion. */
            supplier_total: components["schemas"]["Money"];
            fx: components["schemas"]["FxRate"] | null;
            slices: {
                origin: string;
                destination: string;
                segments: {
                    marketing_carrier: string;
                    flight_number: string;
                    operating_carrier: string | null;
                    origin: string;
                    destination: string;
                    departing_at: string;
                    arriving_at: string;
                    /** @enum {string} */
                    cabin_class: "economy" | "premium_economy" | "business" | "first";
                    booking_class: string | null;
                    aircraft: string | null;
                    duration_minutes: number | null;
                }[];
            }[];
            passengers: {
                /** @enum {string} */
                type: "adult" | "child" | "infant_without_seat";
                age: number | null;
            }[];
            fare_basis: string | null;
            refundable: boolean | null;
            seats_remaining: number | null;
            expires_at: string;
            priced_at: string;
        };
        HotelOffer: {
            id: string;
            offer_request_id: string;
            /** @description The supplier whose rate this is: the cheapest of the sources. */
            supplier: string;
            /** @description Every supplier with a rate for this property. */
            sources: string[];
            property: {
                /** @description hp_…: the same property whichever suppliers list it. */
                id: string;
                name: string;
                address: string | null;
                city: string | null;
                latitude: number | null;
                longitude: number | null;
                star_rating: number | null;
            };
            room: {
                name: string;
                board: string | null;
                refundable: boolean | null;
                cancellation_deadline: string | null;
            };
            check_in_date: string;
            check_out_date: string;
            nights: number;
            /** @description The whole stay, taxes included, in the asked currency. */
            total_amount: string;
            total_currency: string;
            /** @description The whole stay with taxes in the supplier’s currency. */
            supplier_total: components["schemas"]["Money"];
            /** @description The price exactly as the supplier stated it. */
            supplier_price: {
                amount: string;
                currency: string;
                /** @enum {string} */
                basis: "per_night" | "per_stay";
                taxes_included: boolean;
                taxes: components["schemas"]["Money"] | null;
            };
            fx: components["schemas"]["FxRate"] | null;
            rooms_remaining: number | null;
            expires_at: string;
            priced_at: string;
        };
        InsuranceOffer: {
            id: string;
            offer_request_id: string;
            supplier: string;
            plan: string;
            plan_name: string;
            /** @description The premium for every traveller, in the asked currency. */
            total_amount: string;
            total_currency: string;
            supplier_total: components["schemas"]["Money"];
            fx: components["schemas"]["FxRate"] | null;
            coverages: {
                type: string;
                limit: components["schemas"]["Money"];
                deductible: components["schemas"]["Money"] | null;
                level: string | null;
            }[];
            expires_at: string;
            priced_at: string;
        };
        AirOfferRequest: {
            data: {
                /** @description orq_… */
                id: string;
                created_at: string;
                currency: string;
                offers: components["schemas"]["AirOffer"][];
                warnings: components["schemas"]["Warning"][];
            };
        };
        HotelSearch: {
            data: {
                /** @description hsr_… */
                id: string;
                created_at: string;
                currency: string;
                offers: components["schemas"]["HotelOffer"][];
                warnings: components["schemas"]["Warning"][];
            };
        };
        InsuranceQuote: {
            data: {
                /** @description inq_… */
                id: string;
                created_at: string;
                currency: string;
                offers: components["schemas"]["InsuranceOffer"][];
                warnings: components["schemas"]["Warning"][];
            };
        };
        AirOfferList: {
            data: components["schemas"]["AirOffer"][];
            meta: {
                limit: number;
                sort: string;
                /** @description Pass as `after` for the next page; null on the last page. */
                after: string | null;
            };
        };
        HotelOfferList: {
            data: components["schemas"]["HotelOffer"][];
            meta: {
                limit: number;
                sort: string;
                /** @description Pass as `after` for the next page; null on the last page. */
                after: string | null;
            };
        };
        Offer: {
            data: {
                /** @description off_…: all a client needs to read or book the offer again. */
                id: string;
                offer_request_id: string;
                supplier: string;
                total_amount: string;
                total_currency: string;
                /** @description The fare without taxes, in the supplier's currency. */
                base_amount: string;
                tax_amount: string;
                /** @description The supplier’s own price, before conversion. */
                supplier_total: components["schemas"]["Money"];
                fx: components["schemas"]["FxRate"] | null;
                slices: {
                    origin: string;
                    destination: string;
                    segments: {
                        marketing_carrier: string;
                        flight_number: string;
                        operating_carrier: string | null;
                        origin: string;
                        destination: string;
                        departing_at: string;
                        arriving_at: string;
                        /** @enum {string} */
                        cabin_class: "economy" | "premium_economy" | "business" | "first";
                        booking_class: string | null;
                        aircraft: string | null;
                        duration_minutes: number | null;
                    }[];
                }[];
                passengers: {
                    /** @enum {string} */
                    type: "adult" | "child" | "infant_without_seat";
                    age: number | null;
                }[];
                fare_basis: string | null;
                refundable: boolean | null;
                seats_remaining: number | null;
                expires_at: string;
                priced_at: string;
                /** @constant */
                type: "air";
            } | {
                id: string;
                offer_request_id: string;
                /** @description The supplier whose rate this is: the cheapest of the sources. */
                supplier: string;
                /** @description Every supplier with a rate for this property. */
                sources: string[];
                property: {
                    /** @description hp_…: the same property whichever suppliers list it. */
                    id: string;
                    name: string;
                    address: string | null;
                    city: string | null;
                    latitude: number | null;
                    longitude: number | null;
                    star_rating: number | null;
                };
                room: {
                    name: string;
                    board: string | null;
                    refundable: boolean | null;
                    cancellation_deadline: string | null;
                };
                check_in_date: string;
                check_out_date: string;
                nights: number;
                /** @description The whole stay, taxes included, in the asked currency. */
                total_amount: string;
                total_currency: string;
                /** @description The whole stay with taxes in the supplier’s currency. */
                supplier_total: components["schemas"]["Money"];
                /** @description The price exactly as the supplier stated it. */
                supplier_price: {
                    amount: string;
                    currency: string;
                    /** @enum {string} */
                    basis: "per_night" | "per_stay";
                    taxes_included: boolean;
                    taxes: components["schemas"]["Money"] | null;
                };
                fx: components["schemas"]["FxRate"] | null;
                rooms_remaining: number | null;
                expires_at: string;
                priced_at: string;
                /** @constant */
                type: "hotel";
            } | {
                id: string;
                offer_request_id: string;
                supplier: string;
                plan: string;
                plan_name: string;
                /** @description The premium for every traveller, in the asked currency. */
                total_amount: string;
                total_currency: string;
                supplier_total: components["schemas"]["Money"];
                fx: components["schemas"]["FxRate"] | null;
                coverages: {
                    type: string;
                    limit: components["schemas"]["Money"];
                    deductible: components["schemas"]["Money"] | null;
                    level: string | null;
                }[];
                expires_at: string;
                priced_at: string;
                /** @constant */
                type: "insurance";
            };
            meta: {
                /** @description The supplier was asked again on this read (the offer was stale). */
                repriced: boolean;
                price_changed: boolean;
                price_changes: {
                    previous_total_amount: string;
                    total_amount: string;
                    total_currency: string;
                    changed_at: string;
                }[];
                /** @description The price before this read, when it changed. */
                previous_total: components["schemas"]["Money"] | null;
                /** @description Why a stale offer could not be repriced; its last price is given. */
                warnings: components["schemas"]["Warning"][];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createAirOfferRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AirOfferRequestCreate"];
            };
        };
        responses: {
            /** @description Offers, cheapest first, and warnings of suppliers that failed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AirOfferRequest"];
                };
            };
            /** @description Malformed JSON, or a bad cursor or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 65536 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid fields (see `fields`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAirOffers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `meta.after` cursor of the previous page. */
                after?: string;
                sort?: "total_amount" | "-total_amount" | "total_duration" | "departing_at";
            };
            header?: never;
            path: {
                /** @description orq_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AirOfferList"];
                };
            };
            /** @description Malformed JSON, or a bad cursor or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (unknown ids, or ids of another agency) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid fields (see `fields`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createHotelSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HotelSearchCreate"];
            };
        };
        responses: {
            /** @description Properties with their best rate, cheapest first */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotelSearch"];
                };
            };
            /** @description Malformed JSON, or a bad cursor or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 65536 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid fields (see `fields`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listHotelOffers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The `meta.after` cursor of the previous page. */
                after?: string;
                sort?: "total_amount" | "-total_amount" | "-star_rating";
            };
            header?: never;
            path: {
                /** @description hsr_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotelOfferList"];
                };
            };
            /** @description Malformed JSON, or a bad cursor or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (unknown ids, or ids of another agency) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid fields (see `fields`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInsuranceQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InsuranceQuoteCreate"];
            };
        };
        responses: {
            /** @description Plans, cheapest first */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsuranceQuote"];
                };
            };
            /** @description Malformed JSON, or a bad cursor or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 65536 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body not sent as JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid fields (see `fields`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description off_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The offer, and whether its price changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            /** @description Not found (unknown ids, or ids of another agency) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The offer expired or is no longer sold (OFFER_EXPIRED, OFFER_UNAVAILABLE) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests from this client or to this agency (RATE_LIMITED); see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description No agency answers on this host (TENANT_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
