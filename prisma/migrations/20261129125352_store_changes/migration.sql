-- CreateTable
CREATE TABLE "StoreChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "target" TEXT
);
