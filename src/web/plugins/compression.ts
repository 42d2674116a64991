/**
 * Compression of routed responses (a page-cache miss, a page that is not kept, the back office, the JSON API) for a
 * client that accepts brotli or gzip. Cached pages never reach Fastify: the page cache serves its own compressed
 * copies, so nothing is compressed twice. A client that asks for no encoding costs only the hook's few header checks.
 */
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Register before the routes: the plugin attaches its hook to each route added after it. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    // The page cache's encodings, in its order of preference.
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Every answer is compressed anew, so fast rather than small: on a 15 KB article page brotli 1 takes a third of
    // the time of the plugin's default (brotli 4) for 16 % more bytes, and gzip 1 two thirds of gzip 6's for 10 %
    // more. The page cache keeps its copies at level 9, made once.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    // Pages are compressed in one call, not streamed through the thread pool, as the plugin does above 8 KB on two
    // cores: under the bench's load (uncached pages, brotli) streaming gave 1.1–1.2 k req/s and 233–248 MB of RSS,
    // one call 2.7–3.3 k req/s and 139–140 MB.
    syncThreshold: 256 * 1024,
    // Request bodies are taken as sent: no form, upload or API client of ours compresses them.
    globalDecompression: false,
  });
}
