import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import type { Namespace } from 'socket.io';

interface ClusterBroadcast {
  broadcast(packet: unknown, opts: { flags?: Record<string, unknown> }): unknown;
  /** The other api nodes heard from (by their heartbeats), by id. */
  nodesMap: Map<string, number>;
}

/**
 * How long after another api node was last known a broadcast still goes to every node. The
 * adapter forgets a node whose heartbeat is 10 s late, which a node busy enough can be: what it
 * would have missed meanwhile is sent all the same (a NOTIFY nobody hears costs nothing).
 */
const OTHER_NODES_REMEMBERED_MS = 5 * 60_000;

/**
 * The socket.io Postgres adapter, which carries a broadcast to the sockets of every api node.
 * While no other node has been known for OTHER_NODES_REMEMBERED_MS (none has sent a heartbeat,
 * which each sends on starting and every 5 s) a broadcast stays on this node: an ephemeral signal
 * — a stroke being drawn, a playhead — costs a NOTIFY round trip and a wait for it before the
 * local sockets are told only when someone on another node may hear it.
 */
export function postgresAdapter(
  pool: pg.Pool,
  options: Parameters<typeof createAdapter>[1],
): (nsp: Namespace) => unknown {
  const cluster = createAdapter(pool, options);
  // socket.io calls this with `new`: a function returning the adapter, not an arrow.
  return function adapterFor(nsp: Namespace) {
    const adapter = cluster(nsp) as unknown as ClusterBroadcast;
    // The adapter notes each message from another node here (heartbeats included).
    const nodes = adapter.nodesMap;
    const noteNode = nodes.set.bind(nodes);
    let otherLastKnown: number | undefined;
    nodes.set = (uid, seenAt) => {
      otherLastKnown = Date.now();
      return noteNode(uid, seenAt);
    };
    const othersMayHear = () =>
      nodes.size > 0 ||
      (otherLastKnown !== undefined && Date.now() - otherLastKnown < OTHER_NODES_REMEMBERED_MS);
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) =>
      broadcast(packet, othersMayHear() ? opts : { ...opts, flags: { ...opts.flags, local: true } });
    return adapter;
  };
}
