import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import type { Namespace } from 'socket.io';

interface ClusterBroadcast {
  broadcast(packet: unknown, opts: { flags?: Record<string, unknown> }): unknown;
  /** The other api nodes heard from (by their heartbeats), by id. */
  nodesMap: Map<string, number>;
}

/**
 * The socket.io Postgres adapter, which carries a broadcast to the sockets of every api node.
 * While no other node is known (none has sent a heartbeat, which each sends on starting and
 * every 5 s) a broadcast stays on this node: an ephemeral signal — a stroke being drawn, a
 * playhead — costs a NOTIFY round trip and a wait for it before the local sockets are told only
 * when someone on another node may hear it.
 */
export function postgresAdapter(
  pool: pg.Pool,
  options: Parameters<typeof createAdapter>[1],
): (nsp: Namespace) => unknown {
  const cluster = createAdapter(pool, options);
  // socket.io calls this with `new`: a function returning the adapter, not an arrow.
  return function adapterFor(nsp: Namespace) {
    const adapter = cluster(nsp) as unknown as ClusterBroadcast;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) =>
      broadcast(
        packet,
        adapter.nodesMap.size > 0 ? opts : { ...opts, flags: { ...opts.flags, local: true } },
      );
    return adapter;
  };
}
