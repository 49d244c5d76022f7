export function HelpSearchForm({ defaultValue }: { defaultValue?: string }) {
  return (
    <form action="/help/search" method="get" role="search" className="flex gap-2">
      <label htmlFor="help-search" className="sr-only">
        Search the help center
      </label>
      <input
        id="help-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={200}
        placeholder="Search articles, e.g. custom domain"
        className="block w-full rounded-lg border-0 px-4 py-3 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 focus:outline-none"
      />
      <button type="submit" className="rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
        Search
      </button>
    </form>
  );
}
