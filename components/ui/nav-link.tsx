"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link that moves inside the app without a full page load, as next/link does, but without
 * its prefetching machinery. The settings pages are per-user and dynamic, so a prefetch could
 * only fetch the shared shell; next/link's own client code (about 3.5 kB compressed, which
 * Turbopack also copies into each chunk that uses it) would be most of the layout's
 * JavaScript. A modified click (new tab, new window, download) keeps the browser's behaviour.
 */
export function NavLink({ href, onClick, ...props }: ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        const modified = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        if (event.defaultPrevented || modified || (props.target && props.target !== "_self") || props.download !== undefined) return;
        event.preventDefault();
        router.push(href);
      }}
    />
  );
}
