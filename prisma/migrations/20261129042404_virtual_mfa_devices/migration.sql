-- CreateTable
CREATE TABLE "MfaDevice" (
    "serialNumber" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "seedEncrypted" TEXT NOT NULL,
    "userId" TEXT,
    "enabledAt" DATETIME,
    "lastUsedStep" INTEGER,
    "driftSteps" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MfaDevice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MfaDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MfaDeviceTag" (
    "serialNumber" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "keyLower" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("serialNumber", "keyLower"),
    CONSTRAINT "MfaDeviceTag_serialNumber_fkey" FOREIGN KEY ("serialNumber") REFERENCES "MfaDevice" ("serialNumber") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MfaDevice_userId_idx" ON "MfaDevice"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MfaDevice_accountId_nameLower_key" ON "MfaDevice"("accountId", "nameLower");
