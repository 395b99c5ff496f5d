import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Used by @socket.io/postgres-adapter for payloads too large for NOTIFY between api nodes. */
export class CreateSocketIoAttachments1764050000005 implements MigrationInterface {
  name = 'CreateSocketIoAttachments1764050000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE socket_io_attachments`);
  }
}
