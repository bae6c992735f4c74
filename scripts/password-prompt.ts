import { createInterface } from 'node:readline';
import { fail } from './cli.ts';

/** Asks on the terminal without echoing what is typed (stars instead). */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : s.replace(/[^\r\n]/g, '*'));
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/**
 * A new password for the account commands: asked twice without echo, or ADMIN_PASSWORD
 * when there is no terminal (scripts). Never a command-line argument, which would end up
 * in the shell history.
 */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env['ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail('Kata sandi tidak diberikan.', 'jalankan di terminal (kata sandi akan ditanyakan), atau isi ADMIN_PASSWORD untuk skrip.');
  const first = await askHidden('Kata sandi (minimal 12 karakter): ');
  const second = await askHidden('Ulangi kata sandi: ');
  if (first !== second) fail('Kedua kata sandi tidak sama.', 'jalankan lagi perintahnya.');
  return first;
}

