import pg from 'pg';

/** Every value as Postgres writes it as text: what it reads back exactly, whatever the type. */
const asText = { getTypeParser: () => (value: string) => value };

/** One connection for a backup or restore, reading and writing every value as text. */
export async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: asText, application_name: applicationName });
  client.on('error', () => undefined); // the query in flight rejects with it
  await client.connect();
  return client;
}
