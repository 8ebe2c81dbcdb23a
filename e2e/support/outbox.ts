import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

/** One email as the portal's local outbox writes it (docs/contracts/README.md "Email"). */
export type OutboxMessage = { to: string; subject: string; html: string; text: string; createdAt: string };

/** The e2e server writes its mail under E2E_DATA_DIR/outbox (scripts/e2e-server.mjs). */
export function outboxDir(): string {
  return path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e", "outbox");
}

async function readMessages(): Promise<OutboxMessage[]> {
  let files: string[];
  try {
    files = (await readdir(outboxDir())).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  // File names start with the send time: sorting them sorts the mail.
  return Promise.all(files.sort().reverse().map(async (f) => JSON.parse(await readFile(path.join(outboxDir(), f), "utf8")) as OutboxMessage));
}

/**
 * The newest email to `to` (whose subject matches, if given), waiting for it to arrive:
 * the portal sends after answering, so the file may appear a moment later.
 */
export async function waitForEmail(to: string, options: { subject?: RegExp; after?: Date } = {}): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await readMessages()).find(
          (m) =>
            m.to.toLowerCase() === to.toLowerCase() &&
            (!options.subject || options.subject.test(m.subject)) &&
            (!options.after || new Date(m.createdAt) >= options.after),
        );
        return Boolean(found);
      },
      { message: `an email to ${to}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** The first link of the email whose path is `pathname` (e.g. "/verify-email"), as a path + query. */
export function linkIn(message: OutboxMessage, pathname: string): string {
  for (const raw of message.text.match(/https?:\/\/[^\s)\]>"]+/g) ?? []) {
    const url = new URL(raw);
    if (url.pathname === pathname) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No ${pathname} link in "${message.subject}"`);
}
