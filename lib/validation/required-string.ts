import { z } from "zod";

/**
 * A string field whose absence reads "required" rather than zod's type message. In its own
 * module so that a schema needing only this (the developer forms') does not bring the
 * password policy and its common-password list into the browser with it.
 */
export const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? "required" : undefined) });
