"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";

const OPTIONS = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
] as const;

const noop = () => () => {};

/**
 * Light / dark / system as a radio group of three buttons. The choice is unknown on the
 * server, so nothing is marked until hydration (avoids a mismatch).
 */
export function ThemeToggle({ labels, className }: { labels: { group: string; light: string; dark: string; system: string }; className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  return (
    <div role="radiogroup" aria-label={labels.group} className={cn("inline-flex rounded-md border border-border bg-background p-0.5", className)}>
      {OPTIONS.map(({ value, icon: Icon }) => {
        const checked = mounted && theme === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={labels[value]}
            title={labels[value]}
            onClick={() => setTheme(value)}
            className={cn(
              "inline-flex size-8 items-center justify-center rounded-[5px] text-muted-foreground transition-colors hover:text-foreground",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
              checked && "bg-muted text-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
          </button>
        );
      })}
    </div>
  );
}
