"use client";

import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NavLink } from "@/components/ui/nav-link";
import { BellIcon } from "@/components/icons/bell";
import { CodeIcon } from "@/components/icons/code";
import { PlugIcon } from "@/components/icons/plug";
import { ShieldIcon } from "@/components/icons/shield";
import { UserIcon } from "@/components/icons/user";

const ITEMS = [
  { href: "/settings/profile", key: "profile", icon: UserIcon },
  { href: "/settings/security", key: "security", icon: ShieldIcon },
  { href: "/settings/notifications", key: "notifications", icon: BellIcon },
  { href: "/settings/integrations", key: "integrations", icon: PlugIcon },
  { href: "/settings/developer", key: "developer", icon: CodeIcon },
] as const;

export type SettingsNavLabels = Record<(typeof ITEMS)[number]["key"], string> & { mainNav: string };

/**
 * The settings sections: a vertical list beside the page on wide screens, a row of tabs
 * that scrolls sideways on phones. The current page is marked with aria-current.
 */
export function SettingsNav({ labels, layout }: { labels: SettingsNavLabels; layout: "sidebar" | "tabs" }) {
  // Nullable in the types once a pages/ folder exists (the OIDC provider's mount).
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={labels.mainNav} className={layout === "tabs" ? "-mx-4 overflow-x-auto px-4" : undefined}>
      <ul className={layout === "sidebar" ? "grid gap-1" : "flex gap-1 pb-px"}>
        {ITEMS.map(({ href, key, icon: Icon }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <NavLink
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md text-sm font-medium whitespace-nowrap transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
                  layout === "sidebar" ? "px-3 py-2" : "border-b-2 border-transparent px-3 py-2.5",
                  current
                    ? layout === "sidebar"
                      ? "bg-muted text-foreground"
                      : "rounded-b-none border-primary text-foreground"
                    : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                <Icon className="size-4" />
                {labels[key]}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
