/** The toolkit's settings, as the environment gives them: the fixtures' defaults. */
export type AsapSettings = {
  /** `ASAP_DESK_URL`: the Desk simulator's base URL. */
  deskUrl: string | undefined;
  /** `ASAP_DESK_CONTROL_TOKEN`: the simulator's `DESK_TEST_CONTROL_TOKEN`. */
  controlToken: string | undefined;
  /** `ASAP_ADDON_ID`: the add-on your app embeds (else read from the page's widget). */
  addonId: string | undefined;
};

export const ENV = { deskUrl: "ASAP_DESK_URL", controlToken: "ASAP_DESK_CONTROL_TOKEN", addonId: "ASAP_ADDON_ID" } as const;

/** Reads the settings; an empty variable counts as unset. */
export function asapSettingsFromEnv(env: Record<string, string | undefined> = process.env): AsapSettings {
  const read = (name: string) => env[name]?.trim() || undefined;
  return { deskUrl: read(ENV.deskUrl), controlToken: read(ENV.controlToken), addonId: read(ENV.addonId) };
}
