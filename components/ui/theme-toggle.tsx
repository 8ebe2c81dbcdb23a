"use client";

import { useSyncExternalStore } from "react";
import { cn } from "./cn";
import { MonitorIcon } from "@/components/icons/monitor";
import { MoonIcon } from "@/components/icons/moon";
import { SunIcon } from "@/components/icons/sun";
import { applyTheme, readTheme, type ThemeChoice } from "./theme";

const OPTIONS = [
  { value: "light", icon: SunIcon },
  { value: "dark", icon: MoonIcon },
  { value: "system", icon: MonitorIcon },
] as const;

function subscribe(onChange: () => void) {
  window.addEventListener("themechange", onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener("themechange", onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * Light / dark / system as a radio group of three buttons. The choice is unknown on the
 * server, so nothing is marked until hydration (avoids a mismatch).
 */
export function ThemeToggle({ labels, className }: { labels: { group: string; light: string; dark: string; system: string }; className?: string }) {
  const theme = useSyncExternalStore<ThemeChoice | null>(subscribe, readTheme, () => null);
  return (
    <div role="radiogroup" aria-label={labels.group} className={cn("inline-flex rounded-md border border-border bg-background p-0.5", className)}>
      {OPTIONS.map(({ value, icon: Icon }) => {
        const checked = theme === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={labels[value]}
            title={labels[value]}
            onClick={() => applyTheme(value)}
            className={cn(
              "inline-flex size-8 items-center justify-center rounded-[5px] text-muted-foreground transition-colors hover:text-foreground",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
              checked && "bg-muted text-foreground",
            )}
          >
            <Icon className="size-4" />
          </button>
        );
      })}
    </div>
  );
}
