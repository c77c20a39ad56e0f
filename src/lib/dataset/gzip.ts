/**
 * Gzip that gives the same bytes for the same input on any machine with the same Node:
 * no file name, no timestamp, and a fixed OS byte (zlib writes its build's own).
 */
import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

/** Offsets of the gzip header fields (RFC 1952): MTIME is 4 bytes at 4, OS one byte at 9. */
const MTIME = 4;
const OS = 9;
/** RFC 1952's "unknown" operating system. */
const OS_UNKNOWN = 255;

/** `bytes` gzipped at level 9, deterministically (the header is not covered by the CRC). */
export async function deterministicGzip(bytes: Uint8Array): Promise<Buffer> {
  const packed = await gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION });
  packed.writeUInt32LE(0, MTIME);
  packed[OS] = OS_UNKNOWN;
  return packed;
}
