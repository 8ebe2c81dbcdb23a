import "server-only";
import QRCode from "qrcode";
import { AppError } from "@/lib/core/errors";
import { now } from "@/lib/core/clock";
import { encryptSecret } from "@/lib/core/crypto";
import { prisma, type Db } from "@/lib/db/client";
import { replaceBackupCodes } from "@/lib/services/two-factor/backup-codes";
import { generateTotpSecret, totpUri } from "@/lib/services/two-factor/totp";

export type TwoFactorSetup = {
  /** Base32, for typing into the app by hand. */
  secret: string;
  otpauthUri: string;
  /** `data:image/png;base64,...` of the otpauth URI. */
  qrCode: string;
  /** Shown once; they work only after set-up is confirmed. */
  backupCodes: string[];
};

/**
 * First step of enabling 2FA, whichever family starts it: a new secret stored encrypted
 * and pending (`enabledAt` null, so 2FA stays off) with fresh backup codes stored hashed.
 * Starting again while pending replaces both; while 2FA is on it is refused (409).
 */
export async function startTwoFactorSetup(options: { userId: string }, db: Db = prisma): Promise<TwoFactorSetup> {
  const user = await db.user.findUnique({ where: { id: options.userId }, select: { email: true } });
  if (!user) throw new AppError("USER_NOT_FOUND");
  const secret = generateTotpSecret();
  const otpauthUri = totpUri({ secret, accountName: user.email });
  const qrCode = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
  const secretEncrypted = encryptSecret(secret);

  const backupCodes = await db.$transaction(async (tx) => {
    const at = now();
    const pending = { secretEncrypted, method: "app", enabledAt: null, lastUsedStep: null };
    // Insert-or-skip then a conditional update: two set-ups started at once (a double
    // click) both succeed, the later one winning, and a set-up confirmed meanwhile is never
    // reset to pending.
    const created = await tx.twoFactor.createMany({ data: [{ userId: options.userId, ...pending, createdAt: at }], skipDuplicates: true });
    if (created.count === 0) {
      const { count } = await tx.twoFactor.updateMany({ where: { userId: options.userId, enabledAt: null }, data: pending });
      if (count !== 1) throw new AppError("TWO_FACTOR_ALREADY_ENABLED");
    }
    return replaceBackupCodes(options.userId, tx, at);
  });
  return { secret, otpauthUri, qrCode, backupCodes };
}
