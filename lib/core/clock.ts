/**
 * The time every service reads. Tests move it (`setClock`) to prove expiries without
 * sleeping; the database's own now() is never used for a decision.
 */
let override: (() => Date) | undefined;

export function now(): Date {
  return override ? override() : new Date();
}

export function setClock(source: (() => Date) | undefined): void {
  override = source;
}
