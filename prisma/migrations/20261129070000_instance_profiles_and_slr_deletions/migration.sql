-- CreateTable
CREATE TABLE "InstanceProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "roleId" TEXT,
    CONSTRAINT "InstanceProfile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstanceProfile_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstanceProfileTag" (
    "profileId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "keyLower" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("profileId", "keyLower"),
    CONSTRAINT "InstanceProfileTag_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "InstanceProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceLinkedRoleDeletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "roleName" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startsAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "outcome" TEXT,
    "finishedAt" DATETIME,
    "reason" TEXT,
    "roleUsage" TEXT,
    CONSTRAINT "ServiceLinkedRoleDeletion_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "InstanceProfile_arn_key" ON "InstanceProfile"("arn");

-- CreateIndex
CREATE INDEX "InstanceProfile_accountId_path_idx" ON "InstanceProfile"("accountId", "path");

-- CreateIndex
CREATE INDEX "InstanceProfile_roleId_idx" ON "InstanceProfile"("roleId");

-- CreateIndex
CREATE UNIQUE INDEX "InstanceProfile_accountId_nameLower_key" ON "InstanceProfile"("accountId", "nameLower");

-- CreateIndex
CREATE INDEX "ServiceLinkedRoleDeletion_accountId_roleId_idx" ON "ServiceLinkedRoleDeletion"("accountId", "roleId");

-- CreateIndex
CREATE INDEX "ServiceLinkedRoleDeletion_outcome_dueAt_idx" ON "ServiceLinkedRoleDeletion"("outcome", "dueAt");
