/**
 * The error page's text, apart from commonText: app/error.tsx is a client component on every
 * page, so what it imports is in every page's JavaScript. `en` is typed after `fr`.
 */
const fr = {
  errorTitle: "Quelque chose s'est mal passé",
  errorBody: "Une erreur inattendue est survenue. Vous pouvez réessayer ; si elle persiste, revenez plus tard.",
  errorRetry: "Réessayer",
  errorHome: "Retour à l'accueil",
};

const en: typeof fr = {
  errorTitle: "Something went wrong",
  errorBody: "An unexpected error occurred. You can try again; if it persists, come back later.",
  errorRetry: "Try again",
  errorHome: "Back to home",
};

export const errorText = { fr, en };
