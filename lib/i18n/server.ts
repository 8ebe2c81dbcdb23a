// getLocale reads the signed-in user's saved language, so it lives with the adapters (lib/auth/locale.ts),
// not in lib/i18n. This re-export is kept only for app/(auth)/actions.ts, app/(auth)/email-change-actions.ts
// and lib/actions/define-action.ts, rewritten concurrently in issue 16: point them at lib/auth/locale.ts
// and delete this file.
// eslint-disable-next-line import/no-restricted-paths -- transitional, see above
export { getLocale } from "@/lib/auth/locale";
