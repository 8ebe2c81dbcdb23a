import "server-only";
import { checkPasswordResetToken003, requestPasswordReset003, resetPassword003 } from "@/lib/contracts/nutriscan/routes/password-reset";
import { deleteAccount003, getProfile003, updateProfile003 } from "@/lib/contracts/nutriscan/routes/profile";
import { registerUser003 } from "@/lib/contracts/nutriscan/routes/register";
import { getUserStatus003 } from "@/lib/contracts/nutriscan/routes/status";
import { resendVerification003, sendVerification003, verifyEmail003 } from "@/lib/contracts/nutriscan/routes/verification";

/** The NutriScan client's routes (docs/contracts/nutriscan.md). */
export const nutriscanRoutes = [
  getProfile003,
  updateProfile003,
  deleteAccount003,
  getUserStatus003,
  registerUser003,
  sendVerification003,
  resendVerification003,
  verifyEmail003,
  requestPasswordReset003,
  checkPasswordResetToken003,
  resetPassword003,
];
