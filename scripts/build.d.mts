/** Types for scripts/build.mjs, so TypeScript (tests, global setup) can import it. */
/** Builds the server into dist/ and the browser bundles into dist/public. Removes dist/ first. */
export function buildAll(): Promise<void>;
