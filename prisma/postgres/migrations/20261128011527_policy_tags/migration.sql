-- CreateTable
CREATE TABLE "PolicyTag" (
    "policyId" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "keyLower" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PolicyTag_pkey" PRIMARY KEY ("policyId","keyLower")
);

-- AddForeignKey
ALTER TABLE "PolicyTag" ADD CONSTRAINT "PolicyTag_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "ManagedPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
