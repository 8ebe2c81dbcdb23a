import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/core/env";
import { negotiateLocale } from "@/lib/i18n/locale";
import { readOutbox } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

const MAX_MESSAGES = 100;

const TEXT = {
  fr: {
    title: "Boîte d'envoi (développement)",
    intro: "Les emails que le portail aurait envoyés, du plus récent au plus ancien. Configurez RESEND_API_KEY pour les envoyer vraiment.",
    empty: "Aucun message pour l'instant.",
    to: "À",
    sent: "Envoyé le",
  },
  en: {
    title: "Outbox (development)",
    intro: "The emails the portal would have sent, newest first. Set RESEND_API_KEY to send them for real.",
    empty: "No messages yet.",
    to: "To",
    sent: "Sent",
  },
};

const URL_PATTERN = /(https?:\/\/[^\s<>()\]]+)/g;

/** The plain-text body with its links made clickable (the tokens are what a developer wants). */
function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="break-all text-link underline underline-offset-2 hover:no-underline">
        {part}
      </a>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/**
 * Development only (docs/contracts/README.md "Email" and "Running modes"): lists the messages of the local outbox. Never served
 * on Vercel, where mail goes through Resend and the disk is not ours.
 */
export default async function OutboxPage() {
  const { VERCEL, NODE_ENV, MAIL_OUTBOX_PAGE } = env();
  if (VERCEL || (NODE_ENV === "production" && !MAIL_OUTBOX_PAGE)) notFound();
  const locale = negotiateLocale((await headers()).get("accept-language"));
  const t = TEXT[locale];
  const messages = (await readOutbox()).slice(0, MAX_MESSAGES);
  const dateFormat = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "medium" });
  return (
    <main id="main" className="mx-auto grid max-w-3xl gap-6 px-4 py-10 sm:px-6" lang={locale}>
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="text-sm text-muted-foreground">{t.intro}</p>
      </header>
      {messages.length === 0 ? (
        <Card className="p-6 text-sm text-muted-foreground">{t.empty}</Card>
      ) : (
        <ol className="grid gap-4" aria-label={t.title}>
          {messages.map((message, index) => (
            <li key={`${message.createdAt}-${index}`}>
              <Card aria-labelledby={`message-${index}`} className="p-5">
                <h2 id={`message-${index}`} className="text-base font-semibold">
                  {message.subject}
                </h2>
                <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-sm text-muted-foreground">
                  <dt>{t.to}</dt>
                  <dd>{message.to}</dd>
                  <dt>{t.sent}</dt>
                  <dd>
                    <time dateTime={message.createdAt}>{dateFormat.format(new Date(message.createdAt))}</time>
                  </dd>
                </dl>
                <pre className="mt-4 rounded-md bg-muted p-3 whitespace-pre-wrap break-words font-sans text-sm text-foreground">
                  <Linkified text={message.text} />
                </pre>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
