"use client";

import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./label";

type ControlProps = { id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" };

/**
 * A labelled control with its description and error: the control is linked to both with
 * aria-describedby, marked aria-invalid, and the error is announced when it appears
 * (role=alert), so a screen reader hears what to fix without hunting for it.
 */
export function FormField({
  label,
  description,
  error,
  children,
  className,
  id: givenId,
  labelAction,
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  children: ReactElement<ControlProps>;
  className?: string;
  id?: string;
  /** Something beside the label (e.g. "Forgot password?"). */
  labelAction?: ReactNode;
}) {
  const generated = useId();
  const id = givenId ?? children.props.id ?? generated;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [children.props["aria-describedby"], descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })
    : children;
  return (
    <div className={cn("grid content-start gap-2", className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAction}
      </div>
      {control}
      {description ? (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
