import type { Metadata } from "next";
import { listAddons } from "@/lib/desk/addons/admin";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { TokenDebugger } from "@/components/desk/token-debugger";

export const metadata: Metadata = { title: "JWT debugger" };

export default async function DebuggerPage() {
  await requireAgent("admin");
  const addons = await listAddons();
  return (
    <main>
      <h1 className="text-2xl font-bold tracking-tight">JWT debugger</h1>
      <p className="mt-1 mb-8 max-w-3xl text-slate-600">
        Paste a token your app minted to see its header and claims and the outcome of every check the login API makes, in order, with
        what to change. Remember: <code>not_before</code>/<code>not_after</code> are milliseconds, and the secret is used as UTF-8
        bytes exactly as shown, never base64-decoded.
      </p>
      <TokenDebugger addons={addons.map(({ id, name }) => ({ id, name }))} />
    </main>
  );
}
