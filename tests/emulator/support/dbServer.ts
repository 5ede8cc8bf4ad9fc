/**
 * A tiny HTTP front for DatabaseService, shaped like the emulator's `/admin` endpoint, so the
 * real SDK can be pointed at the database service alone (`serviceUrl`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseService, type DatabaseServiceOptions } from '../../../emulator/database';

export interface DbServer {
  url: string; // the serviceUrl to give the SDK
  service: DatabaseService;
  /** Every request body the SDK sent, newest last (for wire-level assertions). */
  requests: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export async function startDbServer(options: Partial<DatabaseServiceOptions> = {}): Promise<DbServer> {
  const service = new DatabaseService({ file: ':memory:', indexes: [], ...options });
  const requests: Array<Record<string, unknown>> = [];
  let seq = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          res.writeHead(400).end();
          return;
        }
        requests.push(body);
        const reply = await service.handle(body, `req-${(seq += 1)}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    service,
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.close();
    },
  };
}
