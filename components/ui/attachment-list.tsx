import { formatBytes } from "@/lib/contract/attachments";
import type { Attachment } from "@/lib/contract/desk-api/attachments";

/** What the list shows of a file: the wire's Attachment, or a server page's row with its Date. */
type ShownAttachment = Pick<Attachment, "id" | "name" | "size" | "image">;

/**
 * A message's files: images as thumbnails that open the full image, anything else as a named
 * download with its size. Where the files are served from is the caller's (the console, the help pages).
 */
export function AttachmentList({ attachments, href }: { attachments: readonly ShownAttachment[]; href: (id: string, variant: "file" | "thumbnail") => string }) {
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.image);
  const files = attachments.filter((a) => !a.image);
  return (
    <div className="mt-3 space-y-2" aria-label="Attachments" role="group">
      {images.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {images.map((a) => (
            <li key={a.id}>
              <a href={href(a.id, "file")} target="_blank" rel="noopener" className="block overflow-hidden rounded-lg border border-slate-200 hover:border-brand-600">
                {/* A thumbnail the Desk made (WebP, ≤ 320 px): next/image would only resize it again. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={href(a.id, "thumbnail")} alt={a.name} loading="lazy" className="h-28 w-auto max-w-60 object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {files.map((a) => (
            <li key={a.id}>
              <a href={href(a.id, "file")} download={a.name} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {a.name}
              </a>{" "}
              <span className="text-slate-500">({formatBytes(a.size)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
