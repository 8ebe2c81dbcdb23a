import { SearchXIcon } from "@/components/icons/search-x";
import { buttonClasses } from "@/components/ui/button";
import { getLocale } from "@/lib/auth/locale";
import { commonText } from "@/lib/i18n/ui/common";

export default async function NotFound() {
  const text = commonText[await getLocale()];
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <SearchXIcon className="size-10 text-muted-foreground" aria-hidden="true" />
      <h1 className="text-2xl font-semibold tracking-tight">{text.notFoundTitle}</h1>
      <p className="max-w-sm text-muted-foreground">{text.notFoundBody}</p>
      {/* A plain link: next/link would add its client code to every page (this file is part of each). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className={buttonClasses({ className: "mt-2" })}>
        {text.notFoundAction}
      </a>
    </main>
  );
}
