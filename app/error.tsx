"use client";

import { useEffect, useSyncExternalStore } from "react";
import { buttonClasses } from "@/components/ui/button";
import { AlertTriangleIcon } from "@/components/icons/alert-triangle";
import { errorText } from "@/lib/i18n/ui/error";

const noop = () => () => {};

/**
 * Shown when a page throws. It is a client component without the server's locale, so it
 * follows <html lang>, which the root layout set from the same negotiation. It is part of
 * every page's JavaScript, so it imports only its own few strings and no components with
 * client code.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noop, () => document.documentElement.lang, () => "fr");
  const text = errorText[lang === "en" ? "en" : "fr"];
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <AlertTriangleIcon className="size-10 text-warning-text" />
      <h1 className="text-2xl font-semibold tracking-tight">{text.errorTitle}</h1>
      <p className="max-w-md text-muted-foreground">{text.errorBody}</p>
      {error.digest ? <p className="font-mono text-xs text-muted-foreground">{error.digest}</p> : null}
      <div className="mt-2 flex gap-3">
        <button type="button" onClick={reset} className={buttonClasses()}>
          {text.errorRetry}
        </button>
        {/* A full load, not a client navigation: the failing tree may be the router's. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className={buttonClasses({ variant: "outline" })}>
          {text.errorHome}
        </a>
      </div>
    </main>
  );
}
