import { AppWindowIcon } from "@/components/icons/app-window";
import { cn } from "@/components/ui/cn";

/**
 * An app's logo (an https address its owner gave), else a neutral icon. A plain <img> with
 * no referrer: the logo is on the app's own host, which next/image would need listed.
 */
export function AppLogo({ src, alt, className }: { src: string | null; alt: string; className?: string }) {
  const classes = cn("inline-flex size-10 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-border bg-muted", className);
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- see above
    return <img src={src} alt={alt} referrerPolicy="no-referrer" loading="lazy" className={cn(classes, "object-contain")} />;
  }
  return (
    <span className={classes}>
      <AppWindowIcon className="size-5 text-muted-foreground" aria-hidden="true" />
    </span>
  );
}
