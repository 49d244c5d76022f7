import "server-only";
import { fileTypeFromBuffer } from "file-type";
import pLimit from "p-limit";
import sharp from "sharp";
import { ACCEPTED_KINDS_TEXT, isAttachmentType, isImageType, type AttachmentType } from "@/lib/contract/attachments";
import { AsapError } from "@/lib/desk/iam/errors";

/**
 * What a file is, decided by its bytes alone: never by its name or the type a browser claims.
 * Binary kinds by their magic numbers (file-type, which reads only the first bytes here, so an
 * archive is never unpacked); images must then decode whole (sharp: a truncated or corrupt image is
 * FILE_DAMAGED) and get a thumbnail; anything file-type does not know is accepted only as plain
 * UTF-8 text that is not markup. Everything else is FILE_TYPE_NOT_ALLOWED.
 */
export type Inspected = { contentType: AttachmentType; thumbnail: Buffer | null };

/** file-type's own sample size: enough for every signature it knows. */
const SNIFF_BYTES = 4100;
/** Decompression bombs: an image may have at most this many pixels (an 8K screenshot has 33 M). */
const MAX_PIXELS = 50_000_000;
export const THUMBNAIL_SIZE = 320;

// Decoding a large image takes memory and a core for a while: one at a time per instance, each on
// one libvips thread and within a time limit, so a burst of uploads queues rather than starves the
// server; libvips's cache of decoded images only holds memory here, where each image is seen once.
sharp.concurrency(1);
sharp.cache(false);
const oneDecodeAtATime = pLimit(1);
const DECODE_SECONDS = 10;

const refused = (what: string) =>
  new AsapError("FILE_TYPE_NOT_ALLOWED", `This file's content is ${what}, which cannot be attached.`, `Attach ${ACCEPTED_KINDS_TEXT}; put anything else in a ZIP archive.`);

export async function inspectFile(bytes: Buffer): Promise<Inspected> {
  if (bytes.length === 0) throw new AsapError("FILE_DAMAGED", "The file is empty.", "Choose the file again: nothing of it arrived.");
  const detected = await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES));
  if (detected) {
    if (!isAttachmentType(detected.mime)) throw refused(`${detected.mime} (.${detected.ext})`);
    return { contentType: detected.mime, thumbnail: isImageType(detected.mime) ? await thumbnailOf(bytes) : null };
  }
  return { contentType: plainText(bytes), thumbnail: null };
}

/** Decodes the whole image (refusing a truncated one) into a small WebP; EXIF orientation applied, metadata dropped. */
async function thumbnailOf(bytes: Buffer): Promise<Buffer> {
  try {
    return await oneDecodeAtATime(() =>
      sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS, animated: false })
        .rotate()
        .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 75 })
        .timeout({ seconds: DECODE_SECONDS })
        .toBuffer(),
    );
  } catch {
    throw new AsapError("FILE_DAMAGED", "The image does not decode: it is truncated, corrupt, over 50 megapixels, or too slow to read.", "Save or capture the image again and attach the new file.");
  }
}

/**
 * Plain text: well-formed UTF-8 (a BOM allowed), no control characters but tabs, line and page
 * breaks, and no markup. HTML, XML and SVG are refused outright, not served as text: they are the
 * formats that run script if anything ever renders them.
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const MARKUP = /<\s*(script|svg|html|body|iframe|object|embed|meta|link|style|img|math|xml|\?xml|!doctype)\b/i;

function plainText(bytes: Buffer): AttachmentType {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refused("binary data of a kind the Desk does not recognise");
  }
  if (CONTROL.test(text)) throw refused("binary data of a kind the Desk does not recognise");
  if (text.trimStart().startsWith("<") || MARKUP.test(text)) throw refused("HTML, XML or SVG markup");
  return "text/plain";
}
