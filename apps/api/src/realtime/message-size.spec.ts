import { EventSizes, eventAttachments, MESSAGE_LIMIT_BYTES, tooLarge } from './message-size.js';

describe('eventAttachments', () => {
  it('reads events to the main namespace, with or without an ack id', () => {
    expect(eventAttachments('2["typing",{}]')).toBe(0);
    expect(eventAttachments('217["comment:create",{}]')).toBe(0);
    expect(eventAttachments('52-4["draw:stroke",{"_placeholder":true,"num":0}]')).toBe(2);
  });

  it('ignores what never reaches a handler: acks, connects, other namespaces, nonsense', () => {
    for (const packet of [
      '0',
      '0{"token":"x"}',
      '1',
      '33[{"ok":true}]',
      '2/admin,["x"]',
      '51-/admin,["x"]',
      '5x-[]',
      '',
    ])
      expect(eventAttachments(packet)).toBeUndefined();
  });
});

describe('EventSizes', () => {
  it('gives each event its own size, in order, however many arrive before the handlers run', () => {
    const sizes = new EventSizes();
    sizes.heard('2["typing",{}]');
    sizes.heard('3[{"ok":true}]'); // an ack from the client: no handler sees it
    sizes.heard('21["comment:create","é"]');
    expect(sizes.next()).toBe(14);
    expect(sizes.next()).toBe(25); // é is two bytes
    expect(sizes.next()).toBe(0);
  });

  it('counts an event’s binary parts with it', () => {
    const sizes = new EventSizes();
    sizes.heard('52-["draw:stroke",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
    sizes.heard(Buffer.alloc(600_000));
    sizes.heard(new Uint8Array(500_000));
    sizes.heard('2["typing",{}]');
    expect(sizes.next()).toBeGreaterThan(1_100_000);
    expect(sizes.next()).toBe(14);
  });
});

describe('tooLarge', () => {
  it('names the size and the limit', () => {
    expect(tooLarge(MESSAGE_LIMIT_BYTES + 1)).toEqual({
      statusCode: 413,
      message:
        'This message is 1,000,001 bytes, larger than 1 MB (1,000,000 bytes), the most a socket message may carry.',
    });
  });
});
