/**
 * Counts the bytes of every response `fetch` receives in this scope while Python loads, so the lab can show how
 * far the download has got. Each response is cloned and the clone read alongside: the caller still gets the
 * response itself, untouched (its URL and type stay, so the browser can stream-compile Pyodide's WebAssembly and
 * cache the compiled code as before).
 */

/** Replaces this scope's `fetch` with one that reports every chunk's size; returns the function that puts it back. */
export function countFetchedBytes(onBytes: (bytes: number) => void): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const body = response.body ? response.clone().body : null;
    if (body) void count(body, onBytes);
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}

/** Reads a stream to its end, reporting each chunk's size; a broken download just stops the count. */
async function count(body: ReadableStream<Uint8Array>, onBytes: (bytes: number) => void): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onBytes(value.byteLength);
    }
  } catch {
    // The original response fails the same way, and Pyodide's loader reports that.
  }
}
