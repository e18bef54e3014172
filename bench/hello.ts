// The bare Fastify hello-world the platform's figures are compared with, measured in the same run.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT ?? 18999), host: '127.0.0.1' });
