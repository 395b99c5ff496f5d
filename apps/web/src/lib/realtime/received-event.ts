import {
  assetEventEnvelopeSchema,
  assetEventPayloadSchemas,
  type AssetEvent,
  type AssetEventEnvelope,
} from '@cutroom/contracts';
import { z } from 'zod';

/**
 * An event whose payload this client cannot read (a release with other payloads wrote it): it
 * still takes its place in the seq order, and is applied by reading the data it touches again.
 */
export type UnreadableEvent = AssetEventEnvelope & { payload: null };

/** An event as cache-updates gets it: its payload typed by its `type`, or null when unreadable. */
export type ReceivedEvent = AssetEvent | UnreadableEvent;

/**
 * An event's envelope as it arrives, the payload still to be read. `createdAt` is display-only
 * here, so an event is never dropped over its format (live notifications have carried Postgres'
 * text form rather than ISO 8601).
 */
export const arrivingEventSchema = z.looseObject({
  ...assetEventEnvelopeSchema.shape,
  createdAt: z.string(),
});
export type ArrivingEvent = z.infer<typeof arrivingEventSchema>;

/** Reads an arrived event's payload with its type's schema. */
export function readEvent(arriving: ArrivingEvent): ReceivedEvent {
  const { assetId, seq, type, actorId, createdAt } = arriving;
  const envelope = { assetId, seq, type, actorId, createdAt };
  const payload = assetEventPayloadSchemas[type].safeParse(arriving['payload']);
  // The schema chosen by `type` read the payload: the pair is that type's event.
  return payload.success
    ? ({ ...envelope, payload: payload.data } as AssetEvent)
    : { ...envelope, payload: null };
}
