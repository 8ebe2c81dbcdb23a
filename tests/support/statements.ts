/**
 * The SQL statements the test database ran (setup-database.ts feeds every query event of the
 * test client here), so a test can pin how many round trips a request costs.
 */
const recorded: string[] = [];

export function recordStatement(sql: string): void {
  recorded.push(sql);
}

/** The statements `run` sent, in order (transaction control and other noise included). */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  recorded.length = 0;
  await run();
  return recorded.splice(0);
}
