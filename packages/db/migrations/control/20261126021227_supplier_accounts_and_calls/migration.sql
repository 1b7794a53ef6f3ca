-- CreateTable
CREATE TABLE "supplier_accounts" (
    "id" UUID NOT NULL,
    "supplier_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "credentials_encrypted" TEXT NOT NULL,
    "products" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supplier_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supplier_calls" (
    "id" BIGSERIAL NOT NULL,
    "supplier_id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "tenant_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "supplier_code" TEXT,
    "request_bytes" INTEGER,
    "response_bytes" INTEGER,

    CONSTRAINT "supplier_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "supplier_accounts_supplier_id_scope_key" ON "supplier_accounts"("supplier_id", "scope");

-- CreateIndex
CREATE INDEX "supplier_calls_supplier_id_started_at_idx" ON "supplier_calls"("supplier_id", "started_at");

-- CreateIndex
CREATE INDEX "supplier_calls_tenant_id_started_at_idx" ON "supplier_calls"("tenant_id", "started_at");
