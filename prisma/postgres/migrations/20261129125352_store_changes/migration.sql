-- CreateTable
CREATE TABLE "StoreChange" (
    "seq" SERIAL NOT NULL,
    "action" TEXT COLLATE "C" NOT NULL,
    "target" TEXT COLLATE "C",

    CONSTRAINT "StoreChange_pkey" PRIMARY KEY ("seq")
);
