/**
 * A reader or an editor whose connection drops mid-request (a closed tab, a lost network, a cancelled upload)
 * is no outage: nothing is logged above debug, and no failure page is built for nobody.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../test/helpers/db.js';
import { createNewsroom, type Newsroom } from '../../test/helpers/newsroom.js';
import { staffSession, type StaffSession } from '../../test/helpers/admin.js';
import { captureLog, WARN, type LogLine } from '../../test/helpers/log.js';
import { waitFor } from '../../test/helpers/wait.js';
import { buildApp } from './app.js';

forEachDialect('a client that closes the connection mid-request', (dialect) => {
  let n: Newsroom;
  let editor: StaffSession;
  let app: FastifyInstance;
  let port: number;
  let lines: LogLine[];
  /** Where the lines logged by the requests begin, after those of the start-up. */
  let first: number;
  beforeEach(async () => {
    n = await createNewsroom(dialect);
    editor = await staffSession(n, 'editor');
    const log = captureLog();
    lines = log.lines;
    app = await buildApp({ config: n.config, services: n.services, logger: { level: 'trace', stream: log.stream } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    first = lines.length;
  });
  afterEach(async () => {
    await app.close();
    await n.close();
  });

  /** Sends the headers and the first part of a body announced as a little longer, then drops the connection. */
  async function abortMidBody(path: string, headers: Record<string, string>, firstPart: string): Promise<void> {
    const from = lines.length;
    const arrived = () => lines.slice(from).find((l) => l.msg === 'incoming request');
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...editor.headers, 'content-length': String(Buffer.byteLength(firstPart) + 1000), ...headers } });
    request.on('error', () => undefined);
    request.write(firstPart);
    await waitFor(`the server to start reading ${path}`, () => arrived() !== undefined);
    const { reqId } = arrived()!;
    // Let the body parser (or the handler's multipart reader) get to the body before the connection drops.
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.destroy();
    // The server notices: the request's error is logged at debug level, or (an upload, answered as a malformed
    // body) the socket's; then the handler is given a moment to finish whatever it still does.
    await waitFor(`the error of ${path} to be handled`, () => lines.slice(from).some((l) => l.err !== undefined && (l.reqId === reqId || l.msg === 'client error')));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  const upload = '--cut\r\nContent-Disposition: form-data; name="file"; filename="port.png"\r\nContent-Type: image/png\r\n\r\n' + 'x'.repeat(20_000);
  const multipart = { 'content-type': 'multipart/form-data; boundary=cut' };

  it('logs nothing above debug for a form or an upload cut short', async () => {
    await abortMidBody('/admin/articles/', { 'content-type': 'application/x-www-form-urlencoded' }, `_csrf=${editor.csrf}&headline=`);
    await abortMidBody('/admin/media/upload', { ...multipart, 'x-csrf-token': editor.csrf }, upload);
    await abortMidBody('/admin/api/media', { ...multipart, 'x-csrf-token': editor.csrf }, upload);
    expect(lines.slice(first).filter((l) => l.level >= WARN)).toEqual([]);
  });
});
