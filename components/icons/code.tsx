import { Svg, type IconProps } from "./svg";

export function CodeIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m18 16 4-4-4-4" />
      <path d="m6 8-4 4 4 4" />
      <path d="m14.5 4-5 16" />
    </Svg>
  );
}
