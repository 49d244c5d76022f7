import type { FlowStats } from "@/lib/desk/iam/flow-stats";

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

/** Logins per flow in the last 24 hours, and when each flow last worked. */
export function FlowStatsTable({ stats, enabled }: { stats: Record<"new" | "legacy", FlowStats>; enabled: Record<"new" | "legacy", boolean> }) {
  const rows: Array<["new" | "legacy", string]> = [
    ["new", "New flow (app-signed JWT)"],
    ["legacy", "Legacy flow (JWT endpoint)"],
  ];
  return (
    <table className="w-full text-left text-sm" aria-label="Logins per flow">
      <thead className="text-slate-500">
        <tr>
          <th className="py-2 font-medium">Flow</th>
          <th className="py-2 font-medium">Enabled</th>
          <th className="py-2 font-medium">Succeeded (24 h)</th>
          <th className="py-2 font-medium">Failed (24 h)</th>
          <th className="py-2 font-medium">Last successful login</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([flow, label]) => (
          <tr key={flow}>
            <td className="py-2">{label}</td>
            <td className="py-2">{enabled[flow] ? "Yes" : "No"}</td>
            <td className="py-2">{stats[flow].succeeded}</td>
            <td className="py-2">{stats[flow].failed}</td>
            <td className="py-2">{stats[flow].lastUsedAt ? time.format(stats[flow].lastUsedAt) : "Never"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
