import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from './lockout';
import { stampPeerAddress } from './peer.server';

describe('the socket address on every request', () => {
  it("overwrites whatever the client sent with the socket's own address", async () => {
    stampPeerAddress();
    stampPeerAddress(); // once only
    const seen = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const server = http.createServer((req, res) => {
        resolve(req.headers);
        res.end();
        server.close();
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        http.get({ port, host: '127.0.0.1', headers: { [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' } }, (r) => r.resume()).on('error', reject);
      });
    });
    expect(seen[PEER_HEADER]).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBe('6.6.6.6');
  });
});
