import { SqlParams } from './sql-params.js';

describe('SqlParams', () => {
  it('numbers each value after those already added, whoever adds it', () => {
    const params = new SqlParams();
    const callers = [params.add('comment id'), params.add('body')];
    const writer = [params.add('asset id'), params.add('event type')];
    expect(callers).toEqual(['$1', '$2']);
    expect(writer).toEqual(['$3', '$4']);
    expect(params.values).toEqual(['comment id', 'body', 'asset id', 'event type']);
  });
});
