import "server-only";
import { completeIntegration, disconnectIntegration, getIntegrationAuthUrl, listIntegrations } from "@/lib/contracts/settings-app/routes/integrations";
import { getNotificationPreferences, updateNotificationPreferences } from "@/lib/contracts/settings-app/routes/notifications";
import {
  changePassword000,
  confirmEmailChange,
  getLoginHistory000,
  getProfile000,
  showEmailChangeConfirmation,
  updateProfile000,
  uploadAvatar000,
} from "@/lib/contracts/settings-app/routes/profile";
import { confirmTwoFactor000, disableTwoFactor000, initTwoFactor000, regenerateBackupCodes000 } from "@/lib/contracts/settings-app/routes/two-factor";

/** The settings app's routes (docs/contracts/settings-app.md). */
export const settingsAppRoutes = [
  getProfile000,
  updateProfile000,
  uploadAvatar000,
  changePassword000,
  getLoginHistory000,
  getNotificationPreferences,
  updateNotificationPreferences,
  showEmailChangeConfirmation,
  confirmEmailChange,
  initTwoFactor000,
  confirmTwoFactor000,
  disableTwoFactor000,
  regenerateBackupCodes000,
  listIntegrations,
  getIntegrationAuthUrl,
  completeIntegration,
  disconnectIntegration,
];
