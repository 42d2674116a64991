/**
 * Vitest global setup: builds dist/ once per run, so the browser assets (/assets/site.js, site.css)
 * that PUBLIC_DIR points at exist and match the current sources.
 */
import { buildAll } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildAll();
}
