/**
 * Text of /settings/notifications. `en` is typed after `fr`, so a key missing in one language
 * fails the type check. Preference labels are named by seed 000's keys.
 */
const fr = {
  metaTitle: "Notifications",
  title: "Notifications",
  description: "Choisissez ce qui vous est signalé, et où. Chaque changement est enregistré immédiatement.",
  channels: {
    email: { title: "Email", description: "Messages envoyés à votre adresse email." },
    push: { title: "Notifications push", description: "Sur votre téléphone, par l'application mobile." },
    desktop: { title: "Bureau", description: "Dans votre navigateur, quand le portail est ouvert." },
  },
  preferences: {
    newMessages: { label: "Nouveaux messages", description: "Quand quelqu'un vous écrit." },
    interviewReminders: { label: "Rappels d'entretien", description: "Avant chaque entretien prévu." },
    weeklyReports: { label: "Rapport hebdomadaire", description: "Un résumé de votre activité chaque semaine." },
    marketingEmails: { label: "Nouveautés et offres", description: "Les annonces produit, au plus une fois par mois." },
    candidateUpdates: { label: "Suivi des candidats", description: "Quand un candidat change d'étape." },
    teamNotifications: { label: "Activité de l'équipe", description: "Mentions et changements dans votre équipe." },
  },
  securityNote: "Les emails de sécurité (connexion, mot de passe, 2FA) sont toujours envoyés.",
  saved: "Préférence enregistrée",
  failed: "La préférence n'a pas pu être enregistrée",
  on: "Activé",
  off: "Désactivé",
};

const en: typeof fr = {
  metaTitle: "Notifications",
  title: "Notifications",
  description: "Choose what you hear about, and where. Every change is saved at once.",
  channels: {
    email: { title: "Email", description: "Messages sent to your email address." },
    push: { title: "Push notifications", description: "On your phone, through the mobile app." },
    desktop: { title: "Desktop", description: "In your browser, while the portal is open." },
  },
  preferences: {
    newMessages: { label: "New messages", description: "When someone writes to you." },
    interviewReminders: { label: "Interview reminders", description: "Before every scheduled interview." },
    weeklyReports: { label: "Weekly report", description: "A summary of your activity every week." },
    marketingEmails: { label: "News and offers", description: "Product announcements, at most once a month." },
    candidateUpdates: { label: "Candidate updates", description: "When a candidate moves to another stage." },
    teamNotifications: { label: "Team activity", description: "Mentions and changes in your team." },
  },
  securityNote: "Security emails (sign-in, password, 2FA) are always sent.",
  saved: "Preference saved",
  failed: "The preference could not be saved",
  on: "On",
  off: "Off",
};

export const settingsNotificationsText = { fr, en };
export type SettingsNotificationsText = typeof fr;
