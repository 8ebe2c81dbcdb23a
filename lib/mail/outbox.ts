import "server-only";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/core/env";

/** One message as the local outbox keeps it (docs/contracts/README.md "Email"). */
export type OutboxMessage = { to: string; subject: string; html: string; text: string; createdAt: string };

function outboxDir(): string {
  return path.resolve(env().MAIL_OUTBOX_DIR);
}

export async function writeToOutbox(message: OutboxMessage): Promise<string> {
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  // Sortable by time; the random part keeps two messages in one millisecond apart.
  const file = `${message.createdAt.replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`;
  await writeFile(path.join(dir, file), JSON.stringify(message, null, 2));
  return file;
}

/** Newest first; `to` filters by recipient. */
export async function readOutbox(options: { to?: string } = {}): Promise<OutboxMessage[]> {
  let files: string[];
  try {
    files = (await readdir(outboxDir())).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  const messages = await Promise.all(
    files.sort().reverse().map(async (f) => JSON.parse(await readFile(path.join(outboxDir(), f), "utf8")) as OutboxMessage),
  );
  const to = options.to?.toLowerCase();
  return to ? messages.filter((m) => m.to.toLowerCase() === to) : messages;
}
