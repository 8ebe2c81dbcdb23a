import "server-only";
import { getHealth } from "@/lib/contracts/shared/routes/health";
import { changePassword, confirmPasswordReset, forgotPassword, resetPassword } from "@/lib/contracts/shared/routes/password";
import {
  completeOAuthSignIn,
  login,
  register,
  signInWithApple,
  signInWithGoogle,
  startOAuthSignIn,
  verifyTwoFactorLogin,
} from "@/lib/contracts/shared/routes/sign-in";
import { logout, reauthenticate, refreshAccessToken } from "@/lib/contracts/shared/routes/tokens";
import { sendVerificationEmail, verifyEmail } from "@/lib/contracts/shared/routes/verification";

/**
 * The routes several clients call with one answer (docs/contracts/README.md, "Union answers:
 * one route, several clients"): sign-up, sign-in, tokens, password, verification, health. (The document itself is served by lib/openapi/route.ts.)
 */
export const sharedRoutes = [
  register,
  login,
  signInWithGoogle,
  signInWithApple,
  startOAuthSignIn,
  completeOAuthSignIn,
  verifyTwoFactorLogin,
  reauthenticate,
  refreshAccessToken,
  logout,
  changePassword,
  forgotPassword,
  resetPassword,
  confirmPasswordReset,
  sendVerificationEmail,
  verifyEmail,
  getHealth,
];
