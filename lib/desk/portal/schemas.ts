import { z } from "zod";
import { describeRange, knownHostRange } from "@/lib/desk/iam/endpoint-address";
import { MAX_CLOCK_SKEW_SECONDS } from "@/lib/desk/iam/limits";
import {
  contrastWithWhite,
  DEFAULT_ACCENT_COLOR,
  DEFAULT_LAUNCHER_POSITION,
  HEX_COLOR,
  LAUNCHER_POSITIONS,
  MIN_CONTRAST_WITH_WHITE,
} from "@/widget/protocol/branding";

/** Input rules of the portal's forms. */

const origin = z
  .string()
  .trim()
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  }, { error: "Each allowed origin must be scheme://host[:port] with nothing after it, like https://app.example.com." });

/** One origin per line (or separated by spaces or commas); blank lines ignored, duplicates merged. */
export const originsField = z
  .string()
  .max(4000)
  .transform((text) => [...new Set(text.split(/[\s,]+/).filter(Boolean))])
  .pipe(z.array(origin).max(20, { error: "At most 20 allowed origins." }));

export const addonCreateSchema = z.object({
  name: z.string().trim().min(1, { error: "Name the add-on." }).max(100, { error: "Keep the name under 100 characters." }),
  origins: originsField,
});

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/**
 * A URL the Desk will call from its own network (the business's JWT endpoint, its JWKS), so not one
 * whose host is plainly inside it (an IP literal in any encoding, or localhost). Names are judged
 * again after DNS resolution at every call. `allowPrivateEndpoints` is DESK_ALLOW_PRIVATE_ENDPOINTS,
 * passed in so that this module stays free of the environment; it also allows plain http for a JWKS.
 */
const integratorUrl = (what: string, allowPrivateEndpoints: boolean, protocol: RegExp, protocolError: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .transform((value) => value || null)
    .pipe(z.url({ protocol, error: protocolError }).nullable())
    .superRefine((url, context) => {
      const range = url && !allowPrivateEndpoints ? knownHostRange(new URL(url)) : null;
      if (range) {
        context.addIssue({
          code: "custom",
          message: `The ${what} is a ${describeRange(range)} address, which the Desk does not call: give your app's public URL.`,
        });
      }
    });

const legacyEndpointUrl = (allowPrivateEndpoints: boolean) =>
  integratorUrl("JWT endpoint", allowPrivateEndpoints, /^https?$/, "The JWT endpoint must be an http(s) URL.");

/** The JWKS carries the keys that decide who signs in: over https only (plain http in development). */
export const jwksUrlSchema = ({ allowPrivateEndpoints }: { allowPrivateEndpoints: boolean }) =>
  z.object({
    jwksUrl: integratorUrl(
      "JWKS URL",
      allowPrivateEndpoints,
      allowPrivateEndpoints ? /^https?$/ : /^https$/,
      allowPrivateEndpoints ? "The JWKS URL must be an http(s) URL." : "The JWKS URL must be an https URL: the keys it serves decide who signs in.",
    ),
  });

/** Optional text: blank means "not set" (null), so the widget falls back to its default. */
const optionalText = (max: number, error: string) =>
  z
    .string()
    .trim()
    .max(max, { error })
    .transform((value) => value || null)
    .default(null);

/**
 * The widget's look: the launcher and the frame's header put white text on the accent colour. A field
 * the form leaves out takes the default (unset title and greeting, the Desk's colour and corner).
 */
export const widgetBrandingSchema = z.object({
  widgetTitle: optionalText(60, "Keep the widget's title to 60 characters or fewer."),
  widgetGreeting: optionalText(200, "Keep the greeting to 200 characters or fewer."),
  accentColor: z
    .string()
    .trim()
    .regex(HEX_COLOR, { error: "Give the accent colour as #rrggbb, like #4f46e5." })
    .transform((value) => value.toLowerCase())
    .refine((value) => contrastWithWhite(value) >= MIN_CONTRAST_WITH_WHITE, {
      error: `White text on this colour is hard to read (contrast below ${MIN_CONTRAST_WITH_WHITE}:1): choose a darker accent colour.`,
    })
    .default(DEFAULT_ACCENT_COLOR),
  launcherPosition: z.enum(LAUNCHER_POSITIONS, { error: "Choose bottom right or bottom left." }).default(DEFAULT_LAUNCHER_POSITION),
});

export function addonSettingsSchema({ allowPrivateEndpoints }: { allowPrivateEndpoints: boolean }) {
  return addonCreateSchema
    .extend(widgetBrandingSchema.shape)
    .extend({
      authMode: z.enum(["anonymous", "jwt"], { error: "Choose anonymous or JWT." }),
      newFlowEnabled: checkbox,
      legacyFlowEnabled: checkbox,
      requireJti: checkbox,
      reportOnly: checkbox,
      legacyEndpointUrl: legacyEndpointUrl(allowPrivateEndpoints),
      clockSkewSeconds: z.coerce
        .number()
        .int()
        .min(0, { error: "Skew cannot be negative." })
        .max(MAX_CLOCK_SKEW_SECONDS, { error: `Keep the skew at ${MAX_CLOCK_SKEW_SECONDS / 60} minutes or less.` }),
      sessionTtlSeconds: z.coerce
        .number()
        .int()
        .min(300, { error: "Sessions last at least 5 minutes." })
        .max(86_400, { error: "Sessions last at most 24 hours." }),
    })
    .refine((s) => !s.legacyFlowEnabled || s.legacyEndpointUrl, {
      error: "The legacy flow needs the business's JWT endpoint URL.",
      path: ["legacyEndpointUrl"],
    });
}

export type AddonSettings = z.infer<ReturnType<typeof addonSettingsSchema>>;

export const ROTATION_OVERLAPS = { "1h": 3600, "24h": 86_400, "7d": 604_800 } as const;
export const rotateSchema = z.object({
  kid: z.string().min(1).max(128),
  overlap: z.enum(Object.keys(ROTATION_OVERLAPS) as [keyof typeof ROTATION_OVERLAPS]),
  /** A public key (PEM or JWK) to rotate to; empty: a generated HS256 secret. */
  replacement: z.string().max(8 * 1024, { error: "A public key is far shorter than 8 KiB." }).default(""),
});

export const publicKeySchema = z.object({
  publicKey: z.string().trim().min(1, { error: "Paste a public key: PEM or JWK." }).max(8 * 1024, { error: "A public key is far shorter than 8 KiB." }),
});
