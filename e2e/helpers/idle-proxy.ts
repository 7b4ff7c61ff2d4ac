/**
 * A TCP proxy that behaves like a reverse proxy's idle timeout (nginx proxy_read_timeout, an AWS load
 * balancer's 60 s idle timeout): a connection with no bytes in either direction for `idleMs` is destroyed,
 * both sides at once. It also keeps what clients sent, so a test can count the requests that went through.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface IdleProxy {
  url: string;
  port: number;
  /** Connections destroyed for being idle. */
  cuts(): number;
  /** Everything clients sent (latin1), for counting requests; image uploads make it large, so it is capped. */
  sent(): string;
  close(): Promise<void>;
}

const SENT_CAP = 8 * 1024 * 1024;

/** `target`: the port to forward to on 127.0.0.1, or a function giving it (the server may start after the proxy). */
export async function startIdleProxy(opts: { target: number | (() => number); idleMs: number }): Promise<IdleProxy> {
  let cuts = 0;
  let sent = '';
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const port = typeof opts.target === 'function' ? opts.target() : opts.target;
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      open.add(s);
      s.on('close', () => open.delete(s));
    }
    let timer: ReturnType<typeof setTimeout>;
    const end = () => {
      clearTimeout(timer);
      client.destroy();
      upstream.destroy();
    };
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        cuts++;
        end();
      }, opts.idleMs);
    };
    touch();
    client.on('data', (chunk) => {
      touch();
      if (sent.length < SENT_CAP) sent += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      touch();
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cuts: () => cuts,
    sent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
