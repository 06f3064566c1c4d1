// Loading the terminal UI's chunk (React, Ink) without making Node's fetch. Ink lays out with yoga, compiled to
// WebAssembly and carried inside it as a data: URL; its loader fetches that URL whenever a global fetch exists,
// and Node builds fetch (undici) on first use — about 40 ms of every start, profiled, for a download that is not
// one. With fetch hidden while the chunk loads, the loader decodes the bytes itself. The property is put back as
// it was, unread, so fetch is still made on first use if anything ever asks for it.
export async function loadUi<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!fetch?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
