// Just enough protocol buffers for a CRX3 header: length-delimited fields (wire type 2) out and
// back in. The header's messages have no other kind of field (components/crx_file/crx3.proto),
// so a general protobuf library would be weight without use.

const LENGTH_DELIMITED = 2;

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** One `bytes` or embedded-message field. */
export function bytesField(fieldNumber: number, payload: Uint8Array): Buffer {
  return Buffer.concat([
    varint(fieldNumber * 8 + LENGTH_DELIMITED),
    varint(payload.length),
    payload,
  ]);
}

export interface Field {
  fieldNumber: number;
  payload: Buffer;
}

export class ProtobufError extends Error {
  override name = 'ProtobufError';
}

function readVarint(bytes: Buffer, start: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let at = start; at < bytes.length && at < start + 5; at += 1) {
    const byte = bytes[at] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: at + 1 };
    scale *= 128;
  }
  throw new ProtobufError(`Bad varint at byte ${start}.`);
}

/** Every field of a message whose fields are all length-delimited, in order. */
export function readBytesFields(bytes: Buffer): Field[] {
  const fields: Field[] = [];
  let at = 0;
  while (at < bytes.length) {
    const key = readVarint(bytes, at);
    if (key.value % 8 !== LENGTH_DELIMITED) {
      throw new ProtobufError(`Field at byte ${at} has wire type ${key.value % 8}, not bytes.`);
    }
    const length = readVarint(bytes, key.next);
    const end = length.next + length.value;
    if (end > bytes.length) throw new ProtobufError(`Field at byte ${at} runs past the end.`);
    fields.push({
      fieldNumber: Math.floor(key.value / 8),
      payload: bytes.subarray(length.next, end),
    });
    at = end;
  }
  return fields;
}
