import Link from "next/link";

/** The top of a help page: the way back, then the page's title. */
export function HelpPageHeading({ back, title }: { back: { href: string; label: string }; title: string }) {
  return (
    <>
      <p className="text-sm text-slate-500">
        <Link href={back.href} className="hover:underline">
          {back.label}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">{title}</h1>
    </>
  );
}
