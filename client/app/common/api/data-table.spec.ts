import { asTable } from './data-table';

describe('asTable', () => {
  it('shows a list of records as a table, lists joined', () => {
    const users = [
      { id: 'auth0|a', email: 'a@example.com', roles: ['admin', 'reader'] },
      { id: 'auth0|b', email: null, roles: [], name: 'B' },
    ];
    expect(asTable(users)).toEqual({
      columns: ['id', 'email', 'roles', 'name'],
      rows: [
        ['auth0|a', 'a@example.com', 'admin, reader', ''],
        ['auth0|b', '', '', 'B'],
      ],
    });
  });

  it('leaves anything else to the formatted JSON', () => {
    expect(asTable({ issuer: 'x' })).toBeNull();
    expect(asTable([])).toBeNull();
    expect(asTable([1, 2])).toBeNull();
    expect(asTable('text')).toBeNull();
  });
});
