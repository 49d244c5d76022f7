import { describe, expect, it } from "vitest";
import { asapSettingsFromEnv } from "./config.js";

describe("asapSettingsFromEnv", () => {
  it("reads the Desk's URL, the control token and the add-on from their variables", () => {
    expect(asapSettingsFromEnv({ ASAP_DESK_URL: "http://127.0.0.1:4010", ASAP_DESK_CONTROL_TOKEN: "secret", ASAP_ADDON_ID: "addon_shop" })).toEqual({
      deskUrl: "http://127.0.0.1:4010",
      controlToken: "secret",
      addonId: "addon_shop",
    });
  });

  it("counts an empty or blank variable as unset", () => {
    expect(asapSettingsFromEnv({ ASAP_DESK_URL: "", ASAP_DESK_CONTROL_TOKEN: "  " })).toEqual({ deskUrl: undefined, controlToken: undefined, addonId: undefined });
  });
});
