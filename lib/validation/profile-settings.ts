import { emailSchema } from "@/lib/validation/auth";
import { profileFormSchema } from "@/lib/validation/profile";

/**
 * The settings form: the API's profile fields (lib/validation/profile.ts) plus the sign-in
 * address, with the API's own email rule. Loaded lazily by the form in the browser.
 */
export const profileSettingsSchema = profileFormSchema.extend({ email: emailSchema });

