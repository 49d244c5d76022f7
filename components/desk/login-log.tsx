import { errorCodesOf } from "@/lib/contract/errors";
import type { listLoginEvents } from "@/lib/desk/iam/login-log";
import { buttonStyles } from "@/components/ui/button-styles";

type Events = Awaited<ReturnType<typeof listLoginEvents>>;
export type LoginLogFilters = { outcome?: string; code?: string; flow?: string };

const time = new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "medium" });

/** Why each recent login succeeded or was refused: the integrator's first stop when logins fail. */
export function LoginLog({ events, filters }: { events: Events; filters: LoginLogFilters }) {
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the login log">
        <label>
          <span className="block font-medium text-slate-800">Outcome</span>
          <select name="outcome" defaultValue={filters.outcome ?? ""} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
            <option value="">All</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </label>
        <label>
          <span className="block font-medium text-slate-800">Error code</span>
          <select name="code" defaultValue={filters.code ?? ""} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
            <option value="">Any</option>
            {errorCodesOf("desk").map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block font-medium text-slate-800">Flow</span>
          <select name="flow" defaultValue={filters.flow ?? ""} className="mt-1 rounded-lg border border-slate-300 px-2 py-1.5">
            <option value="">Both</option>
            <option value="new">New</option>
            <option value="legacy">Legacy</option>
          </select>
        </label>
        <button type="submit" className={buttonStyles("secondary")}>
          Filter
        </button>
      </form>
      {events.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-500">No login attempts match.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Login attempts">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 font-medium">When</th>
              <th className="py-2 font-medium">Outcome</th>
              <th className="py-2 font-medium">Flow</th>
              <th className="py-2 font-medium">User</th>
              <th className="py-2 font-medium">Client</th>
              <th className="py-2 font-medium">Why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {events.map((event) => (
              <tr key={event.id}>
                <td className="py-2 whitespace-nowrap">
                  {time.format(event.lastSeenAt)}
                  {event.count > 1 ? (
                    <span className="block text-xs text-slate-500">
                      {event.count}× since {time.format(event.createdAt)}
                    </span>
                  ) : null}
                </td>
                <td className="py-2">
                  {event.outcome === "success" ? (
                    <span className="text-emerald-700">Success</span>
                  ) : (
                    <>
                      <code className="text-red-700">{event.code}</code>
                      {event.reportOnly ? <span className="block text-xs text-amber-700">report only: stayed a guest</span> : null}
                    </>
                  )}
                </td>
                <td className="py-2">{event.flow}</td>
                <td className="py-2">{event.email ?? "—"}</td>
                <td className="py-2">
                  {event.clientIp}
                  {event.origin ? <span className="block text-xs text-slate-500">{event.origin}</span> : null}
                </td>
                <td className="py-2 text-slate-600">{event.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
