import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputTooLargeError } from '../errors.js';

/**
 * Reads a file whole, refusing it from its size on disk before reading a byte when it is over the
 * limit. Reads at most `maxBytes + 1` bytes even if the file grows meanwhile. Pipes, FIFOs and
 * character devices (`lede <(curl ...)`, `/dev/stdin`) have no size and cannot seek: they are read
 * as a stream, up to the limit.
 */
export async function readFileBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile() && !stats.isDirectory()) {
      return await readStreamBounded(handle.createReadStream({ autoClose: false }), maxBytes);
    }
    const { size } = stats;
    if (size > maxBytes) throw new InputTooLargeError(size, maxBytes);
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new InputTooLargeError(undefined, maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Reads a stream up to `maxBytes`, failing as soon as it goes over rather than buffering it all. */
export async function readStreamBounded(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    length += buffer.length;
    if (length > maxBytes) {
      stream.destroy();
      throw new InputTooLargeError(undefined, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, length);
}
