-- CreateTable
CREATE TABLE "AttemptBudget" (
    "userId" TEXT NOT NULL,
    "attempts" JSONB NOT NULL DEFAULT '[]',
    "clearedThrough" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttemptBudget_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "AttemptBudget" ADD CONSTRAINT "AttemptBudget_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
