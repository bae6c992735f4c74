import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * A note beside the database file saying which `npm start` serves it, so `npm run
 * db:restore` can refuse to pull the file from under a running server. A server killed
 * hard leaves its note behind; its process id then names no living process.
 */
export interface ServerNote {
  pid: number;
  port: number;
  startedAt: string;
}

const notePath = (databasePath: string) => `${databasePath}.server.json`;

export function writeServerNote(databasePath: string, note: ServerNote): void {
  writeFileSync(notePath(databasePath), `${JSON.stringify(note)}\n`);
}

export function removeServerNote(databasePath: string): void {
  rmSync(notePath(databasePath), { force: true });
}

/** The server using this database now, or undefined (no note, or a note left by a process that is gone). */
export function runningServer(databasePath: string): ServerNote | undefined {
  let note: ServerNote;
  try {
    note = JSON.parse(readFileSync(notePath(databasePath), 'utf8')) as ServerNote;
  } catch {
    return undefined;
  }
  try {
    process.kill(note.pid, 0);
    return note;
  } catch (error) {
    // EPERM: alive, but another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? note : undefined;
  }
}
