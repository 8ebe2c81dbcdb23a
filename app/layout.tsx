import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Account Portal", template: "%s · Account Portal" },
  description: "Manage your account, security and connected services.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
