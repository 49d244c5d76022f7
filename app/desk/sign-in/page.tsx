import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentAgent } from "@/lib/desk/portal/agent-session";
import { DeskSignInForm } from "@/components/desk/desk-sign-in-form";

export const metadata: Metadata = { title: "Agent sign-in" };

export default async function DeskSignInPage() {
  const agent = await currentAgent();
  if (agent) redirect(agent.role === "admin" ? "/desk/admin" : "/desk/agent");
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold tracking-tight">Sign in to the Desk portal</h1>
      <p className="mt-2 text-sm text-slate-600">For help-desk agents and admins. Demo: admin@desk.example.com or sam@desk.example.com, password desk-demo-agent.</p>
      <div className="mt-8 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <DeskSignInForm />
      </div>
    </main>
  );
}
