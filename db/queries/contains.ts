import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `column` contains `text` literally: LIKE with `%`, `_` and `\` escaped, and the ESCAPE
 * clause without which SQLite would read the backslashes as ordinary characters.
 */
export function contains(column: SQLiteColumn, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
