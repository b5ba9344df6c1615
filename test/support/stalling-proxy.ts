import net from 'node:net';

export interface StallingProxy {
  /** The database URL with the proxy's address in place of the server's. */
  url: string;
  /** From now on nothing is forwarded either way (held, as a congested network would), new connections included. */
  stall(): void;
  /** Forwards what was held and carries on. */
  resume(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of PostgreSQL that can stop forwarding without closing anything: the
 * database neither answers nor refuses, the way a stalled server or a broken network behaves.
 */
export async function startStallingProxy(databaseUrl: string, port = 0): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  let stalled = false;
  const flushes = new Set<() => void>();
  const sockets = new Set<net.Socket>();

  function forward(from: net.Socket, to: net.Socket) {
    const held: Buffer[] = [];
    const flush = () => {
      for (const chunk of held.splice(0)) to.write(chunk);
    };
    flushes.add(flush);
    from.on('data', (chunk: Buffer) => {
      if (stalled) held.push(chunk);
      else to.write(chunk);
    });
    from.on('close', () => {
      flushes.delete(flush);
      to.destroy();
    });
    from.on('error', () => to.destroy());
  }

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);

  return {
    url: proxied.toString(),
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
      for (const flush of flushes) flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
