import { afterEach, describe, expect, it } from 'vitest';
import { countFetchedBytes } from '../../../src/lab/counted-fetch.ts';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A response whose body arrives in these chunks. */
function chunked(sizes: number[], fail = false): Response {
  const left = [...sizes];
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const size = left.shift();
      if (size !== undefined) return controller.enqueue(new Uint8Array(size));
      // As on a network: the break comes a while after the last chunk.
      await new Promise((done) => setTimeout(done, 5));
      if (fail) controller.error(new Error('the download broke off'));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
}

describe('countFetchedBytes', () => {
  it('reports every chunk of every response, and hands back the response itself, unread', async () => {
    const served = [chunked([3, 5]), chunked([7])];
    let next = 0;
    globalThis.fetch = () => Promise.resolve(served[next++] ?? chunked([]));
    const seen: number[] = [];
    const restore = countFetchedBytes((bytes) => seen.push(bytes));
    const first = await fetch('/a');
    const second = await fetch('/b');
    expect(first).toBe(served[0]);
    expect(first.bodyUsed).toBe(false);
    expect((await first.arrayBuffer()).byteLength).toBe(8);
    expect((await second.arrayBuffer()).byteLength).toBe(7);
    await new Promise((done) => setTimeout(done, 0));
    expect(seen.reduce((a, b) => a + b, 0)).toBe(15);
    restore();
    const stub = globalThis.fetch;
    expect(stub).not.toBe(realFetch);
    await fetch('/c');
    expect(seen.reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('stops counting a body that breaks off, without an unhandled rejection', async () => {
    globalThis.fetch = () => Promise.resolve(chunked([4], true));
    const seen: number[] = [];
    const restore = countFetchedBytes((bytes) => seen.push(bytes));
    const response = await fetch('/broken');
    await expect(response.arrayBuffer()).rejects.toThrow(/broke off/);
    await new Promise((done) => setTimeout(done, 0));
    restore();
    expect(seen).toEqual([4]);
  });
});
