import "server-only";
/**
 * Answer examples taken from the seed documents, in the portal's shapes (opaque string ids,
 * the union fields of docs/contracts/README.md "Union answers: one route, several clients"). The unit test checks each against its schema.
 */
const ID = "cm3x9f2ka0000l208abcdefgh";
const AT = "2024-01-01T00:00:00.000Z";
const ACCESS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...";
const REFRESH = "3f9a1c0e5b7d4e2f8a6c1b9d0e3f5a7c9b1d3e5f7a9c1e3b5d7f9a1c3e5b7d9f";

const signInUser = {
  id: ID,
  email: "john.doe@example.com",
  name: "John Doe",
  firstName: "John",
  lastName: "Doe",
  emailVerified: false,
  twoFactorEnabled: false,
  is_active: false,
  email_verified: false,
  created_at: AT,
};

export const EXAMPLES = {
  signedIn: {
    summary: "Signed in (seeds 002, 003, 004)",
    value: {
      success: true,
      message: "Connexion réussie",
      user: signInUser,
      accessToken: ACCESS,
      data: { user: signInUser, tokens: { accessToken: ACCESS, refreshToken: REFRESH } },
    },
  },
  twoFactorRequired: {
    summary: "2FA on: a second step is due (seed 004)",
    value: { success: true, message: "Vérification 2FA requise", requires2FA: true, tempToken: ACCESS },
  },
  registered: {
    summary: "Seeds 002 and 004",
    value: (() => {
      const user = { id: ID, email: "john.doe@example.com", name: "John Doe", firstName: "John", lastName: "Doe", emailVerified: false };
      return {
        success: true,
        message: "Inscription réussie. Un email de vérification a été envoyé.",
        user,
        accessToken: ACCESS,
        data: { user, tokens: { accessToken: ACCESS, refreshToken: REFRESH } },
      };
    })(),
  },
  users003Registered: {
    summary: "Seed 003",
    value: {
      success: true,
      message: "Utilisateur créé avec succès",
      user: { id: ID, name: "John Doe", email: "user@example.com", is_active: false, email_verified: false, created_at: AT },
      emailSent: true,
    },
  },
  status003: {
    summary: "Seed 003",
    value: { success: true, user: { email: "user@example.com", is_active: true, email_verified: true, last_login: "2024-01-01T12:00:00.000Z" } },
  },
  profile000: {
    summary: "Seed 000",
    value: {
      id: ID,
      first_name: "Jean",
      last_name: "Dupont",
      email: "jean.dupont@example.com",
      job_title: "Recruteur Senior",
      company: "Acme Inc",
      phone: "+33612345678",
      avatar_url: "https://example.com/avatars/123.jpg",
      last_password_change: "2023-03-15T10:30:00.000Z",
      two_factor_enabled: true,
      two_factor_method: "app",
      notification_preferences: {
        email: { newMessages: true, interviewReminders: true, weeklyReports: true, marketingEmails: false },
        push: { newMessages: true, interviewReminders: true, candidateUpdates: true, teamNotifications: true },
        desktop: { newMessages: true, interviewReminders: true, candidateUpdates: false, teamNotifications: true },
      },
      integrations: [
        { id: "calendar", connected: true, connected_at: "2023-02-10T14:22:00.000Z" },
        { id: "slack", connected: false, connected_at: null },
      ],
      login_history: [
        { timestamp: "2023-03-20T09:15:00.000Z", device: "Chrome/Windows", location: "Paris, France", status: "success" },
        { timestamp: "2023-03-18T16:42:00.000Z", device: "Firefox/Windows", location: "Paris, France", status: "success" },
      ],
    },
  },
  twoFactorInit000: {
    summary: "Seed 000",
    value: {
      qrCode: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA...",
      secretKey: "JBSWY3DPEHPK3PXP",
      backupCodes: ["12345678", "23456789", "34567890", "45678901", "56789012", "67890123", "78901234", "89012345"],
      method: "app",
    },
  },
  twoFactorSetup004: {
    summary: "Step 1 (seed 004)",
    value: {
      success: true,
      message: "Scannez le QR code avec votre application d'authentification",
      data: { secret: "JBSWY3DPEHPK3PXP", qrCode: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA...", manualEntryKey: "JBSWY3DPEHPK3PXP" },
    },
  },
  twoFactorEnabled004: {
    summary: "Step 2 (seed 004)",
    value: {
      success: true,
      message: "2FA activé avec succès",
      data: { backupCodes: ["12345678", "23456789", "34567890", "45678901", "56789012", "67890123", "78901234", "89012345"] },
    },
  },
  profile001: {
    summary: "Seed 001",
    value: {
      sub: "user123",
      email: "user@example.com",
      email_verified: true,
      name: "John Doe",
      given_name: "John",
      family_name: "Doe",
      phone_number: "+33123456789",
      locale: "fr",
      picture: "https://storage.googleapis.com/paiecash-profile-photos/profile-photos/user123/1640995200000.jpg",
      updated_at: 1640995200,
      user_type: "player",
      is_active: true,
      created_at: 1640995200,
    },
  },
  me002: {
    summary: "Seed 002",
    value: {
      id: ID,
      name: "John Doe",
      email: "john.doe@example.com",
      role: "AI Enthusiast",
      location: "San Francisco, CA",
      phone: "+1 (555) 123-4567",
      birthDate: "1990-05-17",
      bio: "AI Enthusiast | Tech Explorer",
      createdAt: "2024-01-15T00:00:00.000Z",
      conversationsCount: 0,
      daysActive: 0,
      hoursSaved: 0,
      // Not in the seed's example: every profile shape carries the avatar URL (docs/contracts/README.md "Avatars").
      avatarUrl: null,
    },
  },
  me004: {
    summary: "Seed 004",
    value: {
      success: true,
      data: {
        user: {
          id: ID,
          email: "john.doe@example.com",
          firstName: "John",
          lastName: "Doe",
          emailVerified: true,
          emailVerifiedAt: AT,
          twoFactorEnabled: true,
          twoFactorEnabledAt: AT,
          avatarUrl: null,
          createdAt: AT,
          updatedAt: AT,
        },
      },
    },
  },
  sessions004: {
    summary: "Seed 004",
    value: {
      success: true,
      data: { sessions: [{ id: ID, userAgent: "Mozilla/5.0...", ipAddress: "127.0.0.1", createdAt: AT, expiresAt: "2024-01-08T00:00:00.000Z", isCurrent: true }] },
    },
  },
  history004: {
    summary: "Seed 004",
    value: {
      success: true,
      data: { history: [{ id: ID, ipAddress: "127.0.0.1", userAgent: "Mozilla/5.0...", success: true, createdAt: AT }], total: 10, limit: 10, offset: 0 },
    },
  },
} as const;

/** The profile claims plus seed 001's social accounts. */
export const USERINFO_EXAMPLE = {
  summary: "Seed 001",
  value: { ...EXAMPLES.profile001.value, social_accounts: [{ provider: "google", provider_type: "oauth", linked_at: 1640995200 }] },
};
