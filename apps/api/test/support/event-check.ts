import { misfitEvents } from './socket-client.js';

// Every asset event a test's sockets received must read as its type's schema.
afterEach(() => {
  expect(misfitEvents.splice(0)).toEqual([]);
});
