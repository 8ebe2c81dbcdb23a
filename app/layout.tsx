import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";
import { themeScript } from "@/components/ui/theme";
import { ToastRegion } from "@/components/ui/toast-region";
import { getLocale } from "@/lib/auth/locale";
import { commonText } from "@/lib/i18n/ui/common";
import "./globals.css";

// Bundled with the app (never fetched from Google at build time).
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "Account Portal", template: "%s · Account Portal" },
  description: "Manage your account, security and connected services.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const text = commonText[locale];
  // The Content-Security-Policy nonce proxy.ts set for this request: the theme script needs it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets the theme class on <html> before the body is parsed.
    <html lang={locale} className={inter.variable} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-2 focus:outline-ring"
        >
          {text.skipToContent}
        </a>
        {children}
        <ToastRegion label={text.notifications} closeLabel={text.closeNotification} />
      </body>
    </html>
  );
}
