import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Puts a server action's field errors on the form's fields; answers whether any matched. */
export function applyFieldErrors<V extends FieldValues>(
  fieldErrors: Record<string, string> | undefined,
  setError: UseFormSetError<V>,
  names: ReadonlyArray<Path<V>>,
): boolean {
  if (!fieldErrors) return false;
  let matched = false;
  for (const [key, message] of Object.entries(fieldErrors)) {
    const name = names.find((candidate) => candidate === key);
    if (!name) continue;
    setError(name, { type: "server", message }, { shouldFocus: !matched });
    matched = true;
  }
  return matched;
}
