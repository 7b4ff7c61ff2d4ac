/**
 * A TCP proxy in front of a server whose answers can be held back, like a slow network or a long queue: while
 * held, requests still reach the server but nothing it sends reaches the browser. A test can then close a tab
 * whose request the server has, before a single byte of the answer (the stream's first event) arrived.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface AnswerHold {
  url: string;
  hold(): void;
  /** Send on what was held, to the connections still open. */
  release(): void;
  close(): Promise<void>;
}

export async function startAnswerHold(target: () => number): Promise<AnswerHold> {
  let held = false;
  const open = new Set<Socket>();
  const flushes = new Set<() => void>();
  const server = createServer((client) => {
    const upstream = connect(target(), '127.0.0.1');
    const queued: Buffer[] = [];
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      open.add(s);
      s.on('close', () => open.delete(s));
    }
    let answered = false;
    const flush = () => {
      for (const chunk of queued.splice(0)) client.write(chunk);
      if (answered) client.end();
    };
    flushes.add(flush);
    const end = () => {
      flushes.delete(flush);
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => (held ? queued.push(chunk) : client.write(chunk)));
    client.on('end', () => upstream.end());
    // The server finished its answer: the browser gets the end after what was held.
    upstream.on('end', () => {
      answered = true;
      if (!held) client.end();
    });
    client.on('error', end);
    client.on('close', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hold: () => void (held = true),
    release() {
      held = false;
      for (const flush of flushes) flush();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
