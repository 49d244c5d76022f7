export default function HelpLoading() {
  return (
    <main className="mx-auto max-w-5xl animate-pulse px-6 py-12" aria-busy="true" aria-label="Loading the help center">
      <div className="h-8 w-64 rounded bg-slate-200" />
      <div className="mt-6 h-12 rounded-lg bg-slate-100" />
      <div className="mt-10 space-y-3">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-16 rounded-xl bg-slate-100" />
        ))}
      </div>
    </main>
  );
}
