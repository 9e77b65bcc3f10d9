-- DropIndex
DROP INDEX "IdentityProvider_accountId_idx";

-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN "demoKeySealed" TEXT;
ALTER TABLE "IdentityProvider" ADD COLUMN "jwks" TEXT;
ALTER TABLE "IdentityProvider" ADD COLUMN "jwksSource" TEXT;
ALTER TABLE "IdentityProvider" ADD COLUMN "jwksUpdatedAt" DATETIME;
ALTER TABLE "IdentityProvider" ADD COLUMN "uuid" TEXT;
ALTER TABLE "IdentityProvider" ADD COLUMN "validUntil" DATETIME;

-- CreateTable
CREATE TABLE "IdentityProviderTag" (
    "providerArn" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "keyLower" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("providerArn", "keyLower"),
    CONSTRAINT "IdentityProviderTag_providerArn_fkey" FOREIGN KEY ("providerArn") REFERENCES "IdentityProvider" ("arn") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "IdentityProvider_accountId_type_idx" ON "IdentityProvider"("accountId", "type");
