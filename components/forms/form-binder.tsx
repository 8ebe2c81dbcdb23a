"use client";

import { useLayoutEffect, useState } from "react";
import { useForm, type DefaultValues, type UseFormReturn } from "react-hook-form";
import { lazySchemaResolver } from "./form-resolver";
import type { FormSnapshot, FormValues, LazyFormOptions } from "./use-lazy-form";

/**
 * The react-hook-form half of useLazyForm, in its own chunk: loaded when someone starts on a
 * form, not with the page. It owns the useForm() instance, hands it to the form component
 * (which registers its fields with it) and reports the state the form shows: errors,
 * submitting, dirty. It renders nothing.
 */
export function FormBinder<V extends FormValues>({
  options,
  onReady,
  onState,
}: {
  options: LazyFormOptions<V>;
  onReady: (form: UseFormReturn<V>) => void;
  onState: (snapshot: FormSnapshot<V>) => void;
}) {
  const [resolver] = useState(() => (options.schema ? lazySchemaResolver<V>(options.schema, options.locale, options.fallbackMessage, options.refine) : undefined));
  const form = useForm<V>({ defaultValues: options.defaultValues as DefaultValues<V>, resolver });
  // Read during render: react-hook-form re-renders this component when one of them changes.
  const { errors, isSubmitting, isDirty } = form.formState;
  const messages: FormSnapshot<V>["errors"] = {};
  for (const [name, error] of Object.entries(errors)) {
    if (typeof error?.message === "string") messages[name as keyof V] = error.message;
  }
  const key = JSON.stringify([messages, isSubmitting, isDirty]);

  useLayoutEffect(() => {
    onReady(form);
  }, [form, onReady]);

  useLayoutEffect(() => {
    const [errorMessages, submitting, dirty] = JSON.parse(key) as [FormSnapshot<V>["errors"], boolean, boolean];
    onState({ errors: errorMessages, isSubmitting: submitting, isDirty: dirty });
  }, [key, onState]);

  return null;
}
