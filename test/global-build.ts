import { fileURLToPath } from 'node:url';
import { ensureBuild } from '../scripts/build.ts';

/**
 * Before any test file: the Node build in dist/ that `npm start` serves, built once if the
 * code changed since the last one. The page tests and the drills run against it.
 */
export default async function setup() {
  if (process.env['EDGE_BASE_URL']) return;
  await ensureBuild(fileURLToPath(new URL('../dist', import.meta.url)));
}
