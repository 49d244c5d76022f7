import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { endChatAction } from "@/lib/desk/console/actions";
import { chatForAgent } from "@/lib/desk/console/queue";
import { requireAgent } from "@/lib/desk/portal/agent-session";
import { env } from "@/lib/shared/env";
import { AutoRefresh } from "@/components/desk/auto-refresh";
import { ChatReplyForm } from "@/components/desk/chat-reply-form";
import { ConsoleAttachments } from "@/components/desk/console-attachments";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/ui/markdown-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { GuestBadge } from "@/components/desk/guest-badge";
import { CustomerRating } from "@/components/desk/customer-rating";

export const metadata: Metadata = { title: "Chat" };

const time = new Intl.DateTimeFormat("en", { timeStyle: "short" });

export default async function AgentChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  await requireAgent();
  const chat = await chatForAgent((await params).chatId);
  if (!chat) notFound();
  return (
    <main className="max-w-2xl">
      <AutoRefresh />
      <p className="text-sm text-slate-500">
        <Link href="/desk/agent/chats" className="hover:underline">
          Chats
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight">
        {chat.visitorName} {chat.visitorEmail ? <span className="text-base font-normal text-slate-500">{chat.visitorEmail}</span> : null}
        {chat.identityVerified ? null : <GuestBadge />}
      </h1>
      <ol className="mt-6 space-y-2" aria-label="Messages">
        {chat.messages.map((m) =>
          m.kind === "notice" ? (
            // The Desk's own words (e.g. the guest signed in): set apart, never styled as either side's.
            <li key={m.id} className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
              <span className="block text-xs text-amber-700">Notice · {time.format(m.createdAt)}</span>
              {m.body}
            </li>
          ) : (
            <li key={m.id} className={cn("rounded-xl px-4 py-2 text-sm", m.agent ? "ml-12 bg-brand-50" : "mr-12 border border-slate-200 bg-white")}>
              <span className="block text-xs text-slate-500">
                {m.agent ? m.agent.name : chat.visitorName} · {time.format(m.createdAt)}
              </span>
              <MarkdownText text={m.body} />
              <ConsoleAttachments attachments={m.attachments} />
            </li>
          ),
        )}
      </ol>
      {chat.status === "ended" ? (
        <div className="mt-6 space-y-4 text-sm">
          <p className="text-base text-slate-500">This chat has ended.</p>
          <CustomerRating rating={chat.rating} />
        </div>
      ) : (
        <div className="mt-6 space-y-3">
          <ChatReplyForm chatId={chat.id} maxBytes={env.ATTACHMENT_MAX_BYTES} />
          <form action={endChatAction.bind(null, chat.id)}>
            <SubmitButton variant="ghost" pendingLabel="Ending…">
              End chat
            </SubmitButton>
          </form>
        </div>
      )}
    </main>
  );
}
