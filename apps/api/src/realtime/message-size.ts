import { SOCKET_MESSAGE_LIMIT_BYTES } from '@cutroom/contracts';

export const MESSAGE_LIMIT_BYTES = SOCKET_MESSAGE_LIMIT_BYTES;
/** What the transport lets through: above the limit, so a message over it is answered, not cut off. */
export const TRANSPORT_LIMIT_BYTES = 2 * MESSAGE_LIMIT_BYTES;

const TYPE_EVENT = 0x32; // '2'
const TYPE_BINARY_EVENT = 0x35; // '5'
const SLASH = 0x2f; // '/': a namespace other than the main one follows

/**
 * For a socket.io packet as it arrives (`<type>[<attachments>-][<nsp>,][<ack id>]<json>`): how many
 * binary parts follow it when it is an event for the main namespace — the only packets that reach
 * the handlers — else undefined (acks, connects, other namespaces).
 */
export function eventAttachments(packet: string): number | undefined {
  const type = packet.charCodeAt(0);
  if (type === TYPE_EVENT) return packet.charCodeAt(1) === SLASH ? undefined : 0;
  if (type !== TYPE_BINARY_EVENT) return undefined;
  const dash = packet.indexOf('-');
  if (dash < 2 || dash > 12) return undefined;
  const attachments = Number(packet.slice(1, dash));
  if (!Number.isInteger(attachments) || packet.charCodeAt(dash + 1) === SLASH) return undefined;
  return attachments;
}

/**
 * The size of each event one connection sends, noted as its transport messages arrive and taken,
 * in the same order, as the event reaches the handlers — no event is measured twice or re-encoded.
 */
export class EventSizes {
  private readonly sizes: number[] = [];
  private binaryPartsDue = 0;

  /** A transport message: an event's text, or one of its binary parts. */
  heard(data: unknown): void {
    if (typeof data !== 'string') {
      if (this.binaryPartsDue === 0) return;
      this.binaryPartsDue--;
      this.sizes[this.sizes.length - 1] += byteLength(data);
      return;
    }
    const attachments = eventAttachments(data);
    if (attachments === undefined) return;
    this.sizes.push(Buffer.byteLength(data));
    this.binaryPartsDue = attachments;
  }

  /** The size of the event now reaching the handlers. */
  next(): number {
    return this.sizes.shift() ?? 0;
  }
}

function byteLength(data: unknown): number {
  if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) return data.byteLength;
  return 0;
}

/** An oversized message's refusal, in the REST error's terms. */
export function tooLarge(bytes: number): { statusCode: 413; message: string } {
  return {
    statusCode: 413,
    message: `This message is ${bytes.toLocaleString('en')} bytes, larger than 1 MB (${MESSAGE_LIMIT_BYTES.toLocaleString('en')} bytes), the most a socket message may carry.`,
  };
}
