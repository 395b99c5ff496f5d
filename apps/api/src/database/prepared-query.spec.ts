import { statementName } from './prepared-query.js';

describe('statementName', () => {
  it('names a statement by its text: the same text the same name, another text another', () => {
    const insert = 'INSERT INTO things (id) VALUES ($1)';
    const select = 'SELECT 1 FROM things WHERE id = $1';
    expect(statementName(insert)).toBe(statementName(`INSERT INTO things (id) VALUES ($1)`));
    expect(statementName(insert)).not.toBe(statementName(select));
    // Postgres truncates identifiers at 63 bytes; names must stay distinct within that.
    expect(statementName(insert).length).toBeLessThanOrEqual(63);
  });
});
