-- CreateTable
CREATE TABLE "PolicyTag" (
    "policyId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "keyLower" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("policyId", "keyLower"),
    CONSTRAINT "PolicyTag_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "ManagedPolicy" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
