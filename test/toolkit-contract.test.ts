import type { z } from "zod";
import { describe, expectTypeOf, it } from "vitest";
import type * as toolkit from "asap-playwright";
import type * as contract from "@/lib/contract/test-control";

// The toolkit declares the test-control API's types itself (it imports nothing of the app); these
// checks hold them to the server's schemas. They are compile-time: `npm run typecheck` fails on drift.

describe("asap-playwright's test-control types", () => {
  it("send what the server's request schemas accept", () => {
    expectTypeOf<toolkit.CreateAddonInput>().toEqualTypeOf<z.input<typeof contract.createAddonBody>>();
    expectTypeOf<toolkit.AddKeyInput>().toEqualTypeOf<z.input<typeof contract.createKeyBody>>();
    expectTypeOf<toolkit.RotateKeyInput>().toEqualTypeOf<z.input<typeof contract.rotateKeyBody>>();
    expectTypeOf<toolkit.LoginEventsQuery>().toEqualTypeOf<z.input<typeof contract.loginEventsQuery>>();
    expectTypeOf<toolkit.ByEmailQuery>().toEqualTypeOf<z.input<typeof contract.byEmailQuery>>();
    expectTypeOf<toolkit.SetClockInput>().toEqualTypeOf<z.input<typeof contract.clockBody>>();
    expectTypeOf<toolkit.ExplainInput>().toEqualTypeOf<z.input<typeof contract.explainBody>>();
  });

  it("read what the server's answer schemas give", () => {
    expectTypeOf<toolkit.Key>().toEqualTypeOf<contract.Key>();
    expectTypeOf<toolkit.Addon>().toEqualTypeOf<contract.Addon>();
    expectTypeOf<toolkit.ProvisionedAddon>().toEqualTypeOf<contract.ProvisionedAddon>();
    expectTypeOf<toolkit.LoginEvent>().toEqualTypeOf<contract.LoginEvent>();
    expectTypeOf<toolkit.AttachmentRecord>().toEqualTypeOf<contract.AttachmentRecord>();
    expectTypeOf<toolkit.TicketRecord>().toEqualTypeOf<contract.TicketRecord>();
    expectTypeOf<toolkit.ChatRecord>().toEqualTypeOf<contract.ChatRecord>();
    expectTypeOf<toolkit.ResetResult>().toEqualTypeOf<contract.ResetAnswer>();
    expectTypeOf<toolkit.CreateAddonResult>().toEqualTypeOf<contract.CreateAddonAnswer>();
    expectTypeOf<toolkit.AddKeyResult>().toEqualTypeOf<contract.CreateKeyAnswer>();
    expectTypeOf<toolkit.RevokeKeyResult>().toEqualTypeOf<contract.RevokeKeyAnswer>();
    expectTypeOf<toolkit.RotateKeyResult>().toEqualTypeOf<contract.RotateKeyAnswer>();
    expectTypeOf<toolkit.LoginEventsResult>().toEqualTypeOf<contract.LoginEventsAnswer>();
    expectTypeOf<toolkit.TicketsResult>().toEqualTypeOf<contract.TicketsAnswer>();
    expectTypeOf<toolkit.ChatsResult>().toEqualTypeOf<contract.ChatsAnswer>();
    expectTypeOf<toolkit.ClockResult>().toEqualTypeOf<contract.ClockAnswer>();
    expectTypeOf<toolkit.ExplainResult>().toEqualTypeOf<contract.ExplainAnswer>();
  });
});
