"use client";

import { useCallback, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Path, PathValue, RegisterOptions, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locale";

/*
 * react-hook-form without its weight in the page's first load.
 *
 * react-hook-form's useForm is about 13 kB compressed, which a page cannot afford on top of
 * the framework's ~133 kB within a 150 kB budget. So a form renders its fields as ordinary
 * uncontrolled inputs (name + defaultValue) from the start, and the react-hook-form half
 * (form-binder.tsx, with the zod resolver) is fetched the moment someone starts on the form:
 * focus, pointer or key in it. When it arrives, the same <input> elements are registered
 * with useForm(); what was typed meanwhile is kept. From then on react-hook-form validates
 * (the API's zod schemas), tracks errors and submission, and focuses the first invalid field,
 * exactly as with a plain useForm(). A submit before it arrives waits for it.
 *
 * A value is a string (text, textarea, select, a radio group) or a list of strings (a group
 * of checkboxes sharing a name, as react-hook-form models it): `field()` for the former,
 * `choice()` for each radio or checkbox.
 */

export type FormValues = Record<string, string | string[]>;

/** The names whose value is a string: text inputs, textareas, selects and radio groups. */
type StringKeys<V extends FormValues> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export type FormSnapshot<V extends FormValues> = { errors: Partial<Record<keyof V, string>>; isSubmitting: boolean; isDirty: boolean };

export type LazyFormOptions<V extends FormValues> = {
  defaultValues: V;
  /** The API's zod schema for these values, as a dynamic import. */
  schema?: () => Promise<z.ZodType>;
  locale: Locale;
  /** Shown for a check that has no message of its own, and if the form's code cannot load. */
  fallbackMessage: string;
  /** Checks beyond the schema (e.g. "the two passwords match"): messages or message keys. */
  refine?: (values: V) => Partial<Record<Path<V>, string>>;
  /** Fields whose value the form shows as it is typed (e.g. a password strength meter). */
  watch?: ReadonlyArray<StringKeys<V>>;
};

/** What a form's submit handler may do to the form. */
export type FormControls<V extends FormValues> = Pick<UseFormReturn<V>, "setError" | "setValue" | "resetField"> & {
  /** react-hook-form's reset() (to these values, else the defaults), fields kept registered. */
  reset: (values?: V) => void;
};

export type FieldProps = Partial<UseFormRegisterReturn> & { name: string; defaultValue: string };

/** The props of one radio button or checkbox: its own value, checked as the defaults say. */
export type ChoiceProps = Partial<UseFormRegisterReturn> & { name: string; value: string; defaultChecked: boolean };

type Binder = typeof import("./form-binder");

let binderModule: Binder | undefined;
let binderLoading: Promise<Binder> | undefined;

function loadBinder(): Promise<Binder> {
  binderLoading ??= import("./form-binder").then(
    (module) => (binderModule = module),
    (error: unknown) => {
      binderLoading = undefined;
      throw error;
    },
  );
  return binderLoading;
}

const NO_STATE = { errors: {}, isSubmitting: false, isDirty: false };

function pick<V extends FormValues>(values: V, names: ReadonlyArray<keyof V> = []): Partial<V> {
  return Object.fromEntries(names.map((name) => [name, values[name]])) as Partial<V>;
}

function isChoice(element: unknown): element is HTMLInputElement {
  return element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio");
}

/** What the form's field(s) named `name` hold now, in the shape of its default; undefined if unknown. */
function currentValue(form: HTMLFormElement, name: string, defaultValue: string | string[]): string | string[] | undefined {
  const found = form.elements.namedItem(name);
  if (!found) return undefined;
  // Several elements share a name only in a group of radios or checkboxes.
  const elements = found instanceof RadioNodeList ? [...found] : [found];
  if (elements.every(isChoice)) {
    const checked = elements.filter((element) => element.checked).map((element) => element.value);
    return Array.isArray(defaultValue) ? checked : (checked[0] ?? "");
  }
  if (found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement || found instanceof HTMLSelectElement) return found.value;
  return undefined;
}

function sameValue(a: string | string[], b: string | string[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Values typed into the form's fields (or boxes ticked) that differ from the defaults. */
function typedValues<V extends FormValues>(form: HTMLFormElement | null, defaults: V): Partial<V> {
  const typed: Partial<V> = {};
  if (!form) return typed;
  for (const name of Object.keys(defaults) as Array<keyof V & string>) {
    const defaultValue = defaults[name];
    if (defaultValue === undefined) continue;
    const value = currentValue(form, name, defaultValue);
    if (value !== undefined && !sameValue(value, defaultValue)) typed[name] = value as V[keyof V & string];
  }
  return typed;
}

export function useLazyForm<V extends FormValues>(options: LazyFormOptions<V>, onValid: (values: V, form: FormControls<V>) => Promise<void> | void) {
  // useForm() reads its options once; so do we.
  const [initial] = useState(options);
  const formRef = useRef<HTMLFormElement>(null);
  // A form mounted after the code was fetched once (e.g. a second step) binds at once.
  const [binder, setBinder] = useState<Binder | undefined>(() => binderModule);
  const [loadFailed, setLoadFailed] = useState(false);
  const [form, setForm] = useState<UseFormReturn<V> | null>(null);
  const [snapshot, setSnapshot] = useState<FormSnapshot<V>>(NO_STATE);
  const [waiting, setWaiting] = useState(false);
  const [watched, setWatched] = useState<Partial<V>>(() => pick(initial.defaultValues, initial.watch));
  const typed = useRef<Partial<V>>({});
  const queued = useRef(false);
  const handler = useRef(onValid);
  useLayoutEffect(() => {
    handler.current = onValid;
  });

  const load = useCallback(() => {
    if (binder) return;
    setLoadFailed(false);
    loadBinder().then(setBinder, () => {
      queued.current = false;
      setWaiting(false);
      setLoadFailed(true);
    });
  }, [binder]);

  const resetForm = useCallback(
    (ready: UseFormReturn<V> | null, values?: V) => {
      if (ready) ready.reset(values, { keepFieldsRef: true });
      else formRef.current?.reset();
      setWatched(pick(values ?? (ready?.formState.defaultValues as V | undefined) ?? initial.defaultValues, initial.watch));
    },
    [initial],
  );

  const run = useCallback(
    (ready: UseFormReturn<V>) =>
      ready.handleSubmit((values) =>
        handler.current(values, {
          setError: ready.setError,
          setValue: ready.setValue,
          resetField: ready.resetField,
          reset: (next) => resetForm(ready, next),
        }),
      )(),
    [resetForm],
  );

  const onReady = useCallback(
    (ready: UseFormReturn<V>) => {
      typed.current = typedValues(formRef.current, initial.defaultValues);
      setForm(ready);
    },
    [initial],
  );

  const onState = useCallback((next: FormSnapshot<V>) => setSnapshot(next), []);

  // The fields are registered by now (refs attach before layout effects): registering set
  // them to their defaults, so what was typed before goes back, then a waiting submit runs.
  useLayoutEffect(() => {
    if (!form) return;
    for (const [name, value] of Object.entries(typed.current)) {
      form.setValue(name as Path<V>, value as PathValue<V, Path<V>>, { shouldDirty: true });
    }
    typed.current = {};
    if (queued.current) {
      queued.current = false;
      void run(form);
    }
  }, [form, run]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form) {
      void run(form);
      return;
    }
    queued.current = true;
    setWaiting(true);
    load();
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    load();
    const target = event.target as HTMLInputElement;
    if (initial.watch?.some((name) => name === target.name)) setWatched((current) => ({ ...current, [target.name]: target.value }));
  }

  /** The props of the input, textarea or select for `name`: uncontrolled at first, then registered. */
  function field(name: StringKeys<V>, rules?: RegisterOptions<V, Path<V>>): FieldProps {
    const defaultValue = (initial.defaultValues[name] as string | undefined) ?? "";
    return form ? { ...form.register(name as string as Path<V>, rules), defaultValue } : { name, defaultValue };
  }

  /**
   * The props of the radio button or checkbox standing for `value` in the group `name`
   * (a string field for radios, a list for checkboxes): uncontrolled at first, then registered.
   */
  function choice(name: keyof V & string, value: string, rules?: RegisterOptions<V, Path<V>>): ChoiceProps {
    const defaults: string | string[] | undefined = initial.defaultValues[name];
    const defaultChecked = Array.isArray(defaults) ? defaults.includes(value) : defaults === value;
    return form ? { ...form.register(name as Path<V>, rules), value, defaultChecked } : { name, value, defaultChecked };
  }

  /** react-hook-form's reset() (the form's own before it has loaded), fields kept registered. */
  function reset(values?: V) {
    resetForm(form, values);
  }

  let slot: ReactNode = null;
  if (loadFailed) {
    slot = (
      <p role="alert" className="text-sm font-medium text-destructive-text">
        {initial.fallbackMessage}
      </p>
    );
  } else if (binder) {
    slot = <binder.FormBinder options={initial} onReady={onReady} onState={onState} />;
  }

  return {
    /** Spread on the <form>. */
    // method="post": a submit before hydration must never put a password in the URL (a GET would).
    formProps: { ref: formRef, method: "post", noValidate: true, onSubmit, onInput, onFocus: load, onPointerDown: load, onKeyDown: load },
    /** Render inside the form: the react-hook-form half once loaded (it shows nothing). */
    slot,
    field,
    choice,
    errors: snapshot.errors,
    isSubmitting: snapshot.isSubmitting || (waiting && !form),
    isDirty: snapshot.isDirty,
    watched,
    reset,
  };
}
