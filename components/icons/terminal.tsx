import { Svg, type IconProps } from "./svg";

export function TerminalIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m7 11 2-2-2-2" />
      <path d="M11 13h4" />
      <rect width="18" height="18" x="3" y="3" rx="2" ry="2" />
    </Svg>
  );
}
