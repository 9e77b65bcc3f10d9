-- DropIndex
DROP INDEX "IdentityProvider_accountId_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "details" TEXT COLLATE "C";

-- AlterTable
ALTER TABLE "IdentityProvider" ADD COLUMN     "demoKeySealed" TEXT COLLATE "C",
ADD COLUMN     "jwks" TEXT COLLATE "C",
ADD COLUMN     "jwksSource" TEXT COLLATE "C",
ADD COLUMN     "jwksUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "uuid" TEXT COLLATE "C",
ADD COLUMN     "validUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT COLLATE "C" NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MfaDevice" (
    "serialNumber" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "nameLower" TEXT COLLATE "C" NOT NULL,
    "path" TEXT COLLATE "C" NOT NULL,
    "seedEncrypted" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C",
    "enabledAt" TIMESTAMP(3),
    "lastUsedStep" INTEGER,
    "driftSteps" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaDevice_pkey" PRIMARY KEY ("serialNumber")
);

-- CreateTable
CREATE TABLE "MfaDeviceTag" (
    "serialNumber" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "keyLower" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "MfaDeviceTag_pkey" PRIMARY KEY ("serialNumber","keyLower")
);

-- CreateTable
CREATE TABLE "InstanceProfile" (
    "id" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "nameLower" TEXT COLLATE "C" NOT NULL,
    "path" TEXT COLLATE "C" NOT NULL,
    "arn" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "roleId" TEXT COLLATE "C",

    CONSTRAINT "InstanceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstanceProfileTag" (
    "profileId" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "keyLower" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "InstanceProfileTag_pkey" PRIMARY KEY ("profileId","keyLower")
);

-- CreateTable
CREATE TABLE "ServiceLinkedRoleDeletion" (
    "id" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "roleId" TEXT COLLATE "C" NOT NULL,
    "roleName" TEXT COLLATE "C" NOT NULL,
    "roleArn" TEXT COLLATE "C" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT COLLATE "C",
    "finishedAt" TIMESTAMP(3),
    "reason" TEXT COLLATE "C",
    "roleUsage" TEXT COLLATE "C",

    CONSTRAINT "ServiceLinkedRoleDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IamGroup" (
    "id" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "nameLower" TEXT COLLATE "C" NOT NULL,
    "path" TEXT COLLATE "C" NOT NULL,
    "arn" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IamGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "groupId" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "GroupPolicyAttachment" (
    "groupId" TEXT COLLATE "C" NOT NULL,
    "policyId" TEXT COLLATE "C" NOT NULL,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupPolicyAttachment_pkey" PRIMARY KEY ("groupId","policyId")
);

-- CreateTable
CREATE TABLE "GroupInlinePolicy" (
    "groupId" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "document" TEXT COLLATE "C" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupInlinePolicy_pkey" PRIMARY KEY ("groupId","name")
);

-- CreateTable
CREATE TABLE "IdentityProviderTag" (
    "providerArn" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "keyLower" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "IdentityProviderTag_pkey" PRIMARY KEY ("providerArn","keyLower")
);

-- CreateTable
CREATE TABLE "StsSession" (
    "id" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "roleId" TEXT COLLATE "C",
    "roleArn" TEXT COLLATE "C",
    "sessionName" TEXT COLLATE "C",
    "userId" TEXT COLLATE "C",
    "arn" TEXT COLLATE "C" NOT NULL,
    "callerArn" TEXT COLLATE "C" NOT NULL,
    "callerAccountId" TEXT COLLATE "C",
    "sourceIdentity" TEXT COLLATE "C",
    "tags" TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    "transitiveTagKeys" TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    "policy" TEXT COLLATE "C",
    "policyArns" TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    "packedPolicySize" INTEGER,
    "mfaAuthenticated" BOOLEAN NOT NULL DEFAULT false,
    "mfaAuthenticatedAt" TIMESTAMP(3),
    "chained" BOOLEAN NOT NULL DEFAULT false,
    "secretEncrypted" TEXT COLLATE "C" NOT NULL,
    "region" TEXT COLLATE "C" NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StsSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "StoreVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsoleSession_userId_idx" ON "ConsoleSession"("userId");

-- CreateIndex
CREATE INDEX "MfaDevice_userId_idx" ON "MfaDevice"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MfaDevice_accountId_nameLower_key" ON "MfaDevice"("accountId", "nameLower");

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

-- CreateIndex
CREATE UNIQUE INDEX "IamGroup_arn_key" ON "IamGroup"("arn");

-- CreateIndex
CREATE INDEX "IamGroup_accountId_path_idx" ON "IamGroup"("accountId", "path");

-- CreateIndex
CREATE INDEX "IamGroup_accountId_createdAt_idx" ON "IamGroup"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IamGroup_accountId_nameLower_key" ON "IamGroup"("accountId", "nameLower");

-- CreateIndex
CREATE INDEX "GroupMembership_userId_idx" ON "GroupMembership"("userId");

-- CreateIndex
CREATE INDEX "GroupPolicyAttachment_policyId_idx" ON "GroupPolicyAttachment"("policyId");

-- CreateIndex
CREATE INDEX "StsSession_roleId_expiresAt_idx" ON "StsSession"("roleId", "expiresAt");

-- CreateIndex
CREATE INDEX "StsSession_accountId_issuedAt_idx" ON "StsSession"("accountId", "issuedAt");

-- CreateIndex
CREATE INDEX "StsSession_userId_idx" ON "StsSession"("userId");

-- CreateIndex
CREATE INDEX "IdentityProvider_accountId_type_idx" ON "IdentityProvider"("accountId", "type");

-- AddForeignKey
ALTER TABLE "ConsoleSession" ADD CONSTRAINT "ConsoleSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ConsoleUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaDevice" ADD CONSTRAINT "MfaDevice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaDevice" ADD CONSTRAINT "MfaDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaDeviceTag" ADD CONSTRAINT "MfaDeviceTag_serialNumber_fkey" FOREIGN KEY ("serialNumber") REFERENCES "MfaDevice"("serialNumber") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstanceProfile" ADD CONSTRAINT "InstanceProfile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstanceProfile" ADD CONSTRAINT "InstanceProfile_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstanceProfileTag" ADD CONSTRAINT "InstanceProfileTag_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "InstanceProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLinkedRoleDeletion" ADD CONSTRAINT "ServiceLinkedRoleDeletion_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IamGroup" ADD CONSTRAINT "IamGroup_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IamGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "IamUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupPolicyAttachment" ADD CONSTRAINT "GroupPolicyAttachment_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IamGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupPolicyAttachment" ADD CONSTRAINT "GroupPolicyAttachment_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "ManagedPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupInlinePolicy" ADD CONSTRAINT "GroupInlinePolicy_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IamGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityProviderTag" ADD CONSTRAINT "IdentityProviderTag_providerArn_fkey" FOREIGN KEY ("providerArn") REFERENCES "IdentityProvider"("arn") ON DELETE CASCADE ON UPDATE CASCADE;
