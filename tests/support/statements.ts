/**
 * The SQL statements the test database ran while a capture was open (setup-database.ts feeds
 * every query event of the test client here), so a test can pin how many round trips a
 * request costs. Outside a capture nothing is kept.
 */
let recorded: string[] | undefined;

export function recordStatement(sql: string): void {
  recorded?.push(sql);
}

/** The statements `run` sent, in order (transaction control and other noise included). */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  recorded = [];
  try {
    await run();
    return recorded;
  } finally {
    recorded = undefined;
  }
}
