import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { Drain } from './drain.js';

class FakeResponse extends EventEmitter {
  headers: Record<string, string> = {};
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}

function request(drain: Drain) {
  const response = new FakeResponse();
  let passed = false;
  drain.middleware()(
    {} as Request,
    response as unknown as Response,
    (() => {
      passed = true;
    }) as NextFunction,
  );
  return { response, passed };
}

describe('Drain', () => {
  it('waits for the requests under way, and only for them', async () => {
    const drain = new Drain();
    const first = request(drain);
    const second = request(drain);
    expect([first.passed, second.passed, drain.requestsInFlight]).toEqual([true, true, 2]);
    drain.start();
    let done: boolean | undefined;
    const waiting = drain.requestsDone(5_000).then((result) => (done = result));
    first.response.emit('finish');
    await Promise.resolve();
    expect(done).toBeUndefined();
    // A request that ends by its connection closing counts as ended, once.
    second.response.emit('close');
    second.response.emit('finish');
    await waiting;
    expect(done).toBe(true);
    expect(drain.requestsInFlight).toBe(0);
  });

  it('serves a request that comes once draining, and closes its connection after', () => {
    const drain = new Drain();
    expect(request(drain).response.headers.Connection).toBeUndefined();
    drain.start();
    const late = request(drain);
    expect(late.passed).toBe(true);
    expect(late.response.headers.Connection).toBe('close');
  });

  it('gives up waiting after its bound', async () => {
    const drain = new Drain();
    request(drain);
    drain.start();
    expect(await drain.requestsDone(20)).toBe(false);
  });
});
