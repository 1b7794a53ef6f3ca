-- CreateEnum
CREATE TYPE "OfferProduct" AS ENUM ('air', 'hotel', 'insurance');

-- CreateTable
CREATE TABLE "offer_requests" (
    "id" TEXT NOT NULL,
    "product" "OfferProduct" NOT NULL,
    "request" JSONB NOT NULL,
    "currency" TEXT NOT NULL,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offers" (
    "id" TEXT NOT NULL,
    "offer_request_id" TEXT NOT NULL,
    "product" "OfferProduct" NOT NULL,
    "supplier_id" TEXT NOT NULL,
    "sources" TEXT[],
    "supplier_offer" JSONB NOT NULL,
    "property" JSONB,
    "total_minor" BIGINT NOT NULL,
    "total_currency" TEXT NOT NULL,
    "supplier_total_minor" BIGINT NOT NULL,
    "supplier_currency" TEXT NOT NULL,
    "fx" JSONB,
    "duration_minutes" INTEGER NOT NULL DEFAULT 0,
    "departing_at" TEXT NOT NULL DEFAULT '',
    "star_rating" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "priced_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offer_price_changes" (
    "id" BIGSERIAL NOT NULL,
    "offer_id" TEXT NOT NULL,
    "previous_total_minor" BIGINT NOT NULL,
    "new_total_minor" BIGINT NOT NULL,
    "total_currency" TEXT NOT NULL,
    "previous_supplier_total_minor" BIGINT NOT NULL,
    "new_supplier_total_minor" BIGINT NOT NULL,
    "supplier_currency" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_price_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "offers_offer_request_id_total_minor_id_idx" ON "offers"("offer_request_id", "total_minor", "id");

-- CreateIndex
CREATE INDEX "offer_price_changes_offer_id_changed_at_idx" ON "offer_price_changes"("offer_id", "changed_at");

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_offer_request_id_fkey" FOREIGN KEY ("offer_request_id") REFERENCES "offer_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offer_price_changes" ADD CONSTRAINT "offer_price_changes_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
