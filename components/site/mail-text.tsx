import { linkParts } from "@/lib/site/email/link-parts";

/** A caught mail's text body as React text; only links to the site itself are clickable. */
export function MailText({ text, siteOrigin }: { text: string; siteOrigin: string }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap text-slate-800">
      {linkParts(text, siteOrigin).map((part, index) =>
        part.href ? (
          <a key={index} href={part.href} className="font-medium text-brand-600 underline">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
