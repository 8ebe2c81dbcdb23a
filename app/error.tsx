"use client";

import { useEffect, useSyncExternalStore } from "react";
import { errorText } from "@/lib/i18n/ui/error";

const noop = () => () => {};

// The button styles of components/ui/button.tsx, written out: importing that module (and the
// icon components) would add their code to this chunk, which every page downloads.
const BUTTON = "inline-flex h-10 items-center justify-center rounded-md px-4 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * Shown when a page throws. It is a client component without the server's locale, so it
 * follows <html lang>, which the root layout set from the same negotiation. It is part of
 * every page's JavaScript, so it imports only its own few strings.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noop, () => document.documentElement.lang, () => "fr");
  const text = errorText[lang === "en" ? "en" : "fr"];
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <svg className="size-10 text-warning-text" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3M12 9v4m0 4h.01" />
      </svg>
      <h1 className="text-2xl font-semibold tracking-tight">{text.errorTitle}</h1>
      <p className="max-w-md text-muted-foreground">{text.errorBody}</p>
      {error.digest ? <p className="font-mono text-xs text-muted-foreground">{error.digest}</p> : null}
      <div className="mt-2 flex gap-3">
        <button type="button" onClick={reset} className={`${BUTTON} bg-primary text-primary-foreground shadow-sm hover:bg-primary/90`}>
          {text.errorRetry}
        </button>
        {/* A full load, not a client navigation: the failing tree may be the router's. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className={`${BUTTON} border border-input-border bg-background text-foreground hover:bg-muted`}>
          {text.errorHome}
        </a>
      </div>
    </main>
  );
}
