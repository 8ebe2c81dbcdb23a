import { cn } from "./cn";

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-20 text-xl" } as const;

export function initials(name: string | null | undefined, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * The user's picture, else their initials. A plain <img>: avatars come from our storage or
 * from providers' hosts, and next/image would need every host listed.
 */
export function Avatar({ src, name, email, size = "md", className }: { src?: string | null; name?: string | null; email: string; size?: keyof typeof SIZES; className?: string }) {
  const classes = cn("inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-avatar font-semibold text-avatar-foreground", SIZES[size], className);
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- see above
    return <img src={src} alt="" className={cn(classes, "object-cover")} />;
  }
  return (
    <span className={classes} aria-hidden="true">
      {initials(name, email)}
    </span>
  );
}
