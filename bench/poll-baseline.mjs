// The poll benchmark's baseline: a bare Fastify endpoint that stores each POST body with one
// INSERT through a pg pool of the server's size. What a ballot costs beyond this is Jixiao's.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('create table if not exists baseline_ballot (id uuid primary key, body jsonb not null)');
const app = Fastify({ logger: false });
app.post('/ballot', async (req, reply) => {
  await pool.query('insert into baseline_ballot (id, body) values (gen_random_uuid(), $1)', [req.body]);
  return reply.code(201).send({ ok: true });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
