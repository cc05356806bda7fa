import {get} from 'node:http';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../../source/demo/server.js';
import {startTestServer, type TestServer} from '../../helpers/http-server.js';
import {runStream} from '../../helpers/streams.js';

/**
 * A real buffering proxy (node:http, like nginx with proxy_buffering on)
 * between ssedeck and the healthy demo ticker: it holds the upstream body and
 * passes it on every `flushMs`, in one write.
 */
function startBufferingProxy(upstream: string, flushMs: number): Promise<TestServer> {
  return startTestServer((request, response) => {
    const upstreamRequest = get(`${upstream}${request.url ?? '/'}`, (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, {
        'content-type': upstreamResponse.headers['content-type'] ?? 'text/event-stream',
        via: '1.1 test-buffering-proxy',
      });
      response.flushHeaders();
      let held: Buffer[] = [];
      const timer = setInterval(() => {
        if (held.length === 0) return;
        response.write(Buffer.concat(held));
        held = [];
      }, flushMs);
      upstreamResponse.on('data', (chunk: Buffer) => held.push(chunk));
      upstreamResponse.on('end', () => {
        clearInterval(timer);
        response.end(Buffer.concat(held));
      });
      response.on('close', () => {
        clearInterval(timer);
        upstreamResponse.destroy();
      });
    });
    upstreamRequest.on('error', () => response.destroy());
  });
}

let demo: DemoServer | undefined;
let proxy: TestServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await demo?.close();
  proxy = undefined;
  demo = undefined;
});

const thresholds = {burstGapMs: 300, burstWindowMs: 100};

describe('a buffering proxy in front of a healthy stream', () => {
  it('is found as "buffered upstream", while the same stream direct gets no finding', async () => {
    demo = await startDemoServer();
    proxy = await startBufferingProxy(demo.url, 450);
    const path = '/ticker?interval=20';
    const direct = await runStream(
      {url: `${demo.url}${path}`, maxEvents: 60},
      {diagnostics: thresholds},
    );
    expect(direct.summary.diagnostics?.findings).toEqual([]);

    const proxied = await runStream(
      {url: `${proxy.url}${path}`, maxEvents: 60},
      {diagnostics: thresholds},
    );
    const findings = proxied.summary.diagnostics?.findings ?? [];
    expect(findings.map((finding) => finding.name)).toEqual(['buffered upstream']);
    expect(findings[0]?.evidence).toContain('a proxy in between (Via: 1.1 test-buffering-proxy)');
    expect(proxied.summary.diagnostics?.bursts.count).toBeGreaterThanOrEqual(2);
    expect(proxied.summary.diagnostics?.chunks.largestGapMs).toBeGreaterThanOrEqual(300);
  });
});
