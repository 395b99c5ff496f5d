import { NewerSchemaError, schemaState } from './schema-version.js';

describe('schemaState', () => {
  const known = ['Users1', 'Projects2', 'Assets3'];

  it('lists what this build would still apply, in order', () => {
    expect(schemaState(['Users1'], known)).toEqual({ pending: ['Projects2', 'Assets3'], unknown: [] });
    expect(schemaState(known, known)).toEqual({ pending: [], unknown: [] });
  });

  it('finds migrations a newer build applied, which this build must not run against', () => {
    expect(schemaState([...known, 'Frames4', 'Signatures5'], known)).toEqual({
      pending: [],
      unknown: ['Frames4', 'Signatures5'],
    });
  });

  it('says in one sentence what to do instead', () => {
    const error = new NewerSchemaError(['Frames4', 'Signatures5']);
    expect(error.message).toMatch(/upgraded by a newer Cutroom: it has 2 migration\(s\)/);
    expect(error.message).toMatch(/newest: Signatures5/);
    expect(error.message).toMatch(/Start the newer build again, or restore the backup/);
  });
});
