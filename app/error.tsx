"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useSyncExternalStore } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { commonText } from "@/lib/i18n/ui/common";

const noop = () => () => {};

/**
 * Shown when a page throws. It is a client component without the server's locale, so it
 * follows <html lang>, which the root layout set from the same negotiation.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noop, () => document.documentElement.lang, () => "fr");
  const text = commonText[lang === "en" ? "en" : "fr"];
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <AlertTriangle className="size-10 text-warning-text" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">{text.errorTitle}</h1>
      <p className="max-w-md text-muted-foreground">{text.errorBody}</p>
      {error.digest ? <p className="font-mono text-xs text-muted-foreground">{error.digest}</p> : null}
      <div className="mt-2 flex gap-3">
        <Button onClick={reset}>{text.errorRetry}</Button>
        {/* A full load, not a client navigation: the failing tree may be the router's. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className={buttonClasses({ variant: "outline" })}>
          {text.errorHome}
        </a>
      </div>
    </main>
  );
}
