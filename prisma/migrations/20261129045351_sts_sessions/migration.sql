-- CreateTable
CREATE TABLE "StsSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "roleId" TEXT,
    "roleArn" TEXT,
    "sessionName" TEXT,
    "userId" TEXT,
    "arn" TEXT NOT NULL,
    "callerArn" TEXT NOT NULL,
    "callerAccountId" TEXT,
    "sourceIdentity" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "transitiveTagKeys" TEXT NOT NULL DEFAULT '[]',
    "policy" TEXT,
    "policyArns" TEXT NOT NULL DEFAULT '[]',
    "packedPolicySize" INTEGER,
    "mfaAuthenticated" BOOLEAN NOT NULL DEFAULT false,
    "mfaAuthenticatedAt" DATETIME,
    "chained" BOOLEAN NOT NULL DEFAULT false,
    "secretEncrypted" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StoreVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "StsSession_roleId_expiresAt_idx" ON "StsSession"("roleId", "expiresAt");

-- CreateIndex
CREATE INDEX "StsSession_accountId_issuedAt_idx" ON "StsSession"("accountId", "issuedAt");

-- CreateIndex
CREATE INDEX "StsSession_userId_idx" ON "StsSession"("userId");
INSERT INTO "StoreVersion" ("id", "version") VALUES (1, 0);
