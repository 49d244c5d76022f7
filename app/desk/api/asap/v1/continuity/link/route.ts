import { linkGuestBody, type LinkGuestAnswer } from "@/lib/contract/desk-api/continuity";
import { requireContact, resolveCaller } from "@/lib/desk/api/caller";
import { handle, json, readJson } from "@/lib/desk/api/respond";
import { AsapError } from "@/lib/desk/iam/errors";
import { linkConfirmed } from "@/lib/desk/help-center/continuity";

/** POST /desk/api/asap/v1/continuity/link { kind, id, token, confirm: true } — link one guest chat or ticket the person confirmed. */
export function POST(request: Request) {
  return handle(async () => {
    const { contact } = requireContact(await resolveCaller(request));
    const input = await readJson(request, linkGuestBody);
    if ((await linkConfirmed(contact, input)) === "gone") {
      throw new AsapError("GUEST_LINK_GONE", `This ${input.kind} can no longer be linked from this browser.`, "Nothing to do: it stays as it was.");
    }
    return json<LinkGuestAnswer>({ kind: input.kind, id: input.id, outcome: "linked" });
  });
}
