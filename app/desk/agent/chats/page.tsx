import type { Metadata } from "next";
import Link from "next/link";
import { chatInbox } from "@/lib/desk/console/queue";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { AutoRefresh } from "@/components/desk/auto-refresh";
import { GuestBadge } from "@/components/desk/guest-badge";

export const metadata: Metadata = { title: "Chats" };

const time = new Intl.DateTimeFormat("en", { timeStyle: "short" });

export default async function ChatInboxPage() {
  await requireAgent();
  const chats = await chatInbox();
  return (
    <main>
      <AutoRefresh />
      <h1 className="text-2xl font-bold tracking-tight">Live chats</h1>
      {chats.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-500">Nobody is waiting. New chats appear here.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Chats">
          {chats.map((chat) => (
            <li key={chat.id}>
              <Link href={`/desk/agent/chats/${chat.id}`} className="flex justify-between px-4 py-3 hover:bg-slate-50">
                <span>
                  <span className="font-medium">{chat.visitorName}</span> {chat.identityVerified ? <span className="text-xs text-emerald-700">signed in</span> : <GuestBadge />}
                  <span className="block text-xs text-slate-500">
                    {chat._count.messages} messages · started {time.format(chat.createdAt)}
                  </span>
                </span>
                <span className="text-sm text-slate-600">{chat.status === "waiting" ? "Waiting" : "Active"}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
