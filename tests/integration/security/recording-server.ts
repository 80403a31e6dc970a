import { createServer } from 'node:http';
import type { Socket } from 'node:net';

/** A loopback HTTP server that answers 200 to anything and records each request's path. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly paths: string[];
  /**
   * Requests a sentinel path itself and resolves once it has arrived, so requests anything else
   * started earlier are in `paths` too (they reach the listener before one made after them).
   */
  flush(): Promise<readonly string[]>;
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const paths: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/plain' }).end('recorded');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('recording server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    paths,
    flush: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const response = await fetch(`${url}/__sentinel__`);
      await response.text();
      return paths.filter((path) => path !== '/__sentinel__');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
