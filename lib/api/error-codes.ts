import type { Localized } from "@/lib/i18n/locale";

/**
 * Every coded error the portal can answer, with its HTTP status and message. Services
 * throw `new AppError("CODE")`; the API layer maps it here, once.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, fr: "Données invalides", en: "Invalid data" },
  INVALID_JSON: { status: 400, fr: "Le corps de la requête n'est pas un JSON valide", en: "The request body is not valid JSON" },
  UNSUPPORTED_CONTENT_TYPE: { status: 400, fr: "Type de contenu non pris en charge", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { status: 413, fr: "Le corps de la requête est trop volumineux", en: "The request body is too large" },
  UNAUTHORIZED: { status: 401, fr: "Authentification requise", en: "Authentication required" },
  INVALID_TOKEN: { status: 401, fr: "Jeton d'accès invalide ou expiré", en: "Invalid or expired access token" },
  INSUFFICIENT_SCOPE: { status: 403, fr: "Portée insuffisante", en: "Insufficient scope" },
  FORBIDDEN: { status: 403, fr: "Accès refusé", en: "Access denied" },
  CSRF_FAILED: { status: 403, fr: "Origine de la requête refusée", en: "Request origin refused" },
  NOT_FOUND: { status: 404, fr: "Ressource introuvable", en: "Resource not found" },
  METHOD_NOT_ALLOWED: { status: 405, fr: "Méthode non autorisée", en: "Method not allowed" },
  EMAIL_ALREADY_EXISTS: { status: 409, fr: "Cet email est déjà utilisé", en: "This email is already in use" },
  INVALID_CREDENTIALS: { status: 401, fr: "Email ou mot de passe incorrect", en: "Incorrect email or password" },
  INVALID_PASSWORD: { status: 401, fr: "Mot de passe actuel incorrect", en: "Current password is incorrect" },
  PASSWORD_MISMATCH: { status: 400, fr: "Les mots de passe ne correspondent pas", en: "Passwords do not match" },
  WEAK_PASSWORD: { status: 400, fr: "Mot de passe trop faible", en: "Password too weak" },
  ACCOUNT_LOCKED: { status: 429, fr: "Trop de tentatives échouées, réessayez plus tard", en: "Too many failed attempts, try again later" },
  TOO_MANY_REQUESTS: { status: 429, fr: "Trop de requêtes, réessayez plus tard", en: "Too many requests, try again later" },
  EMAIL_NOT_VERIFIED: { status: 403, fr: "Compte non activé : vérifiez votre email", en: "Account not activated: verify your email" },
  ACCOUNT_DISABLED: { status: 403, fr: "Compte désactivé", en: "Account disabled" },
  INVALID_REFRESH_TOKEN: { status: 401, fr: "Refresh token invalide ou expiré", en: "Invalid or expired refresh token" },
  EMAIL_ALREADY_VERIFIED: { status: 409, fr: "Cet email est déjà vérifié", en: "This email is already verified" },
  INVALID_OR_EXPIRED_TOKEN: { status: 400, fr: "Token invalide ou expiré", en: "Invalid or expired token" },
  USER_NOT_FOUND: { status: 404, fr: "Utilisateur non trouvé", en: "User not found" },
  SESSION_NOT_FOUND: { status: 404, fr: "Session introuvable", en: "Session not found" },
  INVALID_2FA_CODE: { status: 401, fr: "Code de vérification invalide", en: "Invalid verification code" },
  TWO_FACTOR_NOT_ENABLED: { status: 400, fr: "L'authentification à deux facteurs n'est pas activée", en: "Two-factor authentication is not enabled" },
  TWO_FACTOR_ALREADY_ENABLED: { status: 409, fr: "L'authentification à deux facteurs est déjà activée", en: "Two-factor authentication is already enabled" },
  TWO_FACTOR_SETUP_REQUIRED: { status: 400, fr: "Commencez par initialiser la 2FA", en: "Start two-factor set-up first" },
  TWO_FACTOR_CHALLENGE_EXPIRED: { status: 401, fr: "Vérification expirée ou déjà utilisée : reconnectez-vous", en: "Verification expired or already used: sign in again" },
  REAUTH_REQUIRED: { status: 403, fr: "Reconnectez-vous pour effectuer cette action", en: "Sign in again to perform this action" },
  INVALID_ID_TOKEN: { status: 401, fr: "Jeton d'identité invalide", en: "Invalid identity token" },
  INVALID_FILE: { status: 400, fr: "Fichier manquant ou type non pris en charge", en: "Missing file or unsupported type" },
  FILE_TOO_LARGE: { status: 413, fr: "Fichier trop volumineux (5 Mo maximum)", en: "File too large (5 MB maximum)" },
  INTEGRATION_NOT_FOUND: { status: 404, fr: "Intégration inconnue", en: "Unknown integration" },
  INTEGRATION_NOT_CONFIGURED: { status: 503, fr: "Cette intégration n'est pas configurée", en: "This integration is not configured" },
  INTEGRATION_NOT_CONNECTED: { status: 404, fr: "Cette intégration n'est pas connectée", en: "This integration is not connected" },
  INVALID_STATE: { status: 400, fr: "Paramètre state invalide ou expiré", en: "Invalid or expired state parameter" },
  OAUTH_ACCESS_DENIED: { status: 400, fr: "Autorisation refusée par l'utilisateur", en: "Authorization denied by the user" },
  OAUTH_EXCHANGE_FAILED: { status: 400, fr: "Échange du code d'autorisation refusé", en: "Authorization code exchange refused" },
  PROVIDER_ERROR: { status: 502, fr: "Le fournisseur ne répond pas correctement", en: "The provider did not answer correctly" },
  PROVIDER_NOT_CONFIGURED: { status: 503, fr: "Ce fournisseur de connexion n'est pas configuré", en: "This sign-in provider is not configured" },
  SERVICE_UNAVAILABLE: { status: 503, fr: "Service indisponible", en: "Service unavailable" },
  INTERNAL_ERROR: { status: 500, fr: "Erreur interne du serveur", en: "Internal server error" },
} as const satisfies Record<string, { status: number } & Localized>;

export type ErrorCode = keyof typeof ERROR_CODES;
