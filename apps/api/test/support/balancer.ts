import net from 'node:net';

export interface Balancer {
  baseUrl: string;
  /** Connections each backend port took. */
  taken: Map<number, number>;
  close(): Promise<void>;
}

/**
 * A TCP load balancer as deployments put in front of several api processes: each connection goes
 * to the next backend in turn, and to the one after when a backend refuses to connect (it has
 * stopped listening). It checks each backend's `GET /api/ready` every `checkEveryMs` and sends
 * new connections to the ready ones first. Bytes are relayed untouched, WebSockets included.
 */
export async function startBalancer(backendPorts: number[], checkEveryMs = 100): Promise<Balancer> {
  let next = 0;
  const taken = new Map<number, number>();
  const clients = new Set<net.Socket>();
  const notReady = new Set<number>();
  const check = async () => {
    await Promise.all(
      backendPorts.map(async (port) => {
        const ready = await fetch(`http://127.0.0.1:${port}/api/ready`, { signal: AbortSignal.timeout(1000) })
          .then((response) => response.ok)
          .catch(() => false);
        if (ready) notReady.delete(port);
        else notReady.add(port);
      }),
    );
  };
  let checking = true;
  const checks = (async () => {
    while (checking) {
      await check();
      await new Promise((resolve) => setTimeout(resolve, checkEveryMs));
    }
  })();
  const server = net.createServer((client) => {
    clients.add(client);
    client.once('close', () => clients.delete(client));
    client.pause();
    const inTurn = backendPorts.map((_, i) => backendPorts[(next + i) % backendPorts.length]);
    const order = [
      ...inTurn.filter((port) => !notReady.has(port)),
      ...inTurn.filter((port) => notReady.has(port)),
    ];
    next = (next + 1) % backendPorts.length;
    const attempt = (i: number) => {
      if (i >= order.length) return void client.destroy();
      const upstream = net.connect(order[i], '127.0.0.1');
      upstream.once('error', () => attempt(i + 1));
      upstream.once('connect', () => {
        taken.set(order[i], (taken.get(order[i]) ?? 0) + 1);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    taken,
    close: async () => {
      checking = false;
      await checks;
      await new Promise<void>((resolve) => {
        for (const client of clients) client.destroy();
        server.close(() => resolve());
      });
    },
  };
}
