import { cn } from "@/components/ui/cn";

/** The add-on's allowed origins, one per line: where the widget may be embedded and log users in. */
export function OriginsField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor="field-origins" className="block text-sm font-medium text-slate-800">
        Allowed origins
      </label>
      <textarea
        id="field-origins"
        name="origins"
        rows={3}
        defaultValue={defaultValue}
        placeholder={"https://app.example.com\nhttp://localhost:3000"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-origins-error" : "field-origins-hint"}
        className={cn(
          "block w-full rounded-lg border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset focus:ring-2 focus:outline-none",
          error ? "ring-red-400" : "ring-slate-300 focus:ring-brand-600",
        )}
      />
      {error ? (
        <p id="field-origins-error" className="text-sm text-red-600">
          {error}
        </p>
      ) : (
        <p id="field-origins-hint" className="text-sm text-slate-500">
          One per line: the pages allowed to embed the widget (scheme, host and port).
        </p>
      )}
    </div>
  );
}
