// What a file is, read from its first bytes (the `file-type` package), never from its name or the
// type the browser claims. OFD (GB/T 33190, China's fixed-layout format) is a ZIP whose root holds
// OFD.xml; file-type reports it as a plain ZIP, so that entry is looked for here.
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_TYPES } from "./definitions";

const OFD_ENTRY = new TextEncoder().encode("OFD.xml");

function zipHasRootEntry(bytes: Uint8Array, name: Uint8Array): boolean {
  // Local file headers: "PK\x03\x04", file name length at offset 26, the name at offset 30.
  for (let offset = 0; offset + 30 < bytes.length && offset < 64 * 1024; ) {
    if (bytes[offset] !== 0x50 || bytes[offset + 1] !== 0x4b || bytes[offset + 2] !== 0x03 || bytes[offset + 3] !== 0x04) return false;
    const nameLength = bytes[offset + 26]! | (bytes[offset + 27]! << 8);
    const extraLength = bytes[offset + 28]! | (bytes[offset + 29]! << 8);
    const compressedSize = bytes[offset + 18]! | (bytes[offset + 19]! << 8) | (bytes[offset + 20]! << 16) | (bytes[offset + 21]! << 24);
    const entry = bytes.subarray(offset + 30, offset + 30 + nameLength);
    if (entry.length === name.length && entry.every((byte, index) => byte === name[index])) return true;
    if (compressedSize <= 0) return false;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return false;
}

/** The accepted content type of these bytes, or null when they are none of ACCEPTED_TYPES. */
export async function detectAttachmentType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  if (detected.mime === "application/zip" && zipHasRootEntry(bytes, OFD_ENTRY)) return "application/ofd";
  return Object.hasOwn(ACCEPTED_TYPES, detected.mime) ? detected.mime : null;
}
