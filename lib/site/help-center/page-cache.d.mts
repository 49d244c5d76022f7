/** Types for page-cache.mjs, which stays plain JavaScript because Next.js imports it as it is. */
export declare const HELP_CONTENT_TAG: "help-content";
export declare const CHECK_EVERY_MS: number;
export declare const SETTLE_MS: number;
export declare const WAIT_FOR_CHECK_MS: number;

export declare function contentWatch(options: {
  deskBaseUrl: string;
  now?: () => number;
  ask?: (deskBaseUrl: string) => Promise<string>;
}): { outdatedBefore(): Promise<number> };

type CachedValue = { kind: string; [field: string]: unknown } | null;

export default class HelpContentCache {
  static entries: Map<string, unknown>;
  static bytes: number;
  static watch: ReturnType<typeof contentWatch> | undefined;
  get(key: string, ctx?: unknown): Promise<{ value: CachedValue; lastModified: number; cacheControl: unknown } | null>;
  set(key: string, value: CachedValue, ctx?: { tags?: string[]; fetchCache?: boolean; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
