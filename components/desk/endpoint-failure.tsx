import Link from "next/link";
import type { listLoginEvents } from "@/lib/desk/iam/login-log";

type LoginEvent = Awaited<ReturnType<typeof listLoginEvents>>[number];

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/**
 * The last time the Desk could not get a JWT from the business's endpoint, and why. The widget only
 * hears a generic failure (the cause could describe a network to an anonymous caller); the admin sees it here.
 */
export function EndpointFailure({ addonId, event }: { addonId: string; event: LoginEvent }) {
  return (
    <section aria-labelledby="endpoint-failure" className="rounded-2xl border border-amber-200 bg-amber-50 p-6 text-sm text-amber-950">
      <h2 id="endpoint-failure" className="font-semibold">
        Your JWT endpoint last failed {time.format(event.lastSeenAt)}
        {event.count > 1 ? ` (${event.count} times in a row)` : ""}
      </h2>
      <p className="mt-2">{event.detail}</p>
      <p className="mt-2">
        Users saw only that your app&apos;s login service did not answer as expected.{" "}
        <Link href={`/desk/admin/addons/${addonId}?flow=legacy&outcome=failure#log`} className="font-medium underline">
          Every legacy-flow failure in the login log
        </Link>
      </p>
    </section>
  );
}
