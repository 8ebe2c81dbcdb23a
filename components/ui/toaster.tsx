"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

export { toast } from "sonner";

/** Toasts follow the theme; sonner announces them in an aria-live region. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="top-center"
      closeButton
      toastOptions={{ classNames: { toast: "border border-border bg-card text-card-foreground", description: "text-muted-foreground" } }}
    />
  );
}
