import iconv from "iconv-lite";

export class InputError extends Error {
  readonly code = "YK_BAD_INPUT";
}

/**
 * Decode input bytes: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (which covers
 * GBK and GB2312) when the bytes are not valid UTF-8. Binary data (NUL bytes, or mostly control
 * characters) is refused with an {@link InputError}.
 */
export function decode(bytes: Uint8Array, name: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), "utf16le");
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), "utf16be");
  const sample = buf.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new InputError(`${name}: looks like binary data (NUL bytes), not text`);
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) throw new InputError(`${name}: looks like binary data, not text`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(buf, "gb18030");
  }
}
