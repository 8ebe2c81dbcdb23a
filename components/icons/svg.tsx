import type { SVGProps } from "react";

/*
 * The interface's icons are inline SVG drawn from Lucide (https://lucide.dev, ISC licence),
 * one module per icon so that a page ships only the ones it shows. Not lucide-react: its
 * icon component is a client module, so every icon, even in a server component, would add
 * JavaScript to the page; these render to plain markup. Decorative (aria-hidden): give the
 * control that holds one its name.
 */

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children">;

export function Svg({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}
