import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-bold">This page does not exist</h1>
      <p className="text-slate-600">The link may be old, or the address mistyped.</p>
      <Link href="/" className="font-medium text-brand-600 hover:underline">
        Back to Northwind Cloud
      </Link>
    </main>
  );
}
