import "server-only";
import { DESK_API_PATH } from "@/lib/contract/desk-api/common";
import { readErrorBody } from "@/lib/contract/error-body";
import { env } from "@/lib/shared/env";

/**
 * The site's HTTP client for the Desk's help-center API: the site reaches the Desk only over HTTP,
 * as any integrator's server would. Errors keep the Desk's stable code.
 */
export class DeskApiError extends Error {
  override name = "DeskApiError";
  constructor(
    /** The Desk's HTTP status; null when it never answered (DESK_UNREACHABLE). */
    readonly status: number | null,
    readonly code: string,
    message: string,
    /** The Desk's advice on what to change, "" when it gave none. */
    readonly hint = "",
  ) {
    super(message);
  }
}

export type DeskFetchOptions = RequestInit & { bearer?: string; next?: { revalidate?: number | false; tags?: string[] } };

/** The Desk's successful answer, its body unread (files are streamed on); a failure throws DeskApiError. */
export async function deskFetch(path: string, { bearer, headers, ...init }: DeskFetchOptions = {}): Promise<Response> {
  const url = `${env.DESK_BASE_URL.replace(/\/$/, "")}${DESK_API_PATH}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { Accept: "application/json", ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...headers },
      signal: init.signal ?? AbortSignal.timeout(5_000),
    });
  } catch {
    throw new DeskApiError(null, "DESK_UNREACHABLE", "The help desk could not be reached.");
  }
  if (!response.ok) {
    const error = readErrorBody(await response.json().catch(() => null));
    throw new DeskApiError(response.status, error?.code ?? "INTERNAL", error?.message ?? `The help desk answered ${response.status}.`, error?.hint);
  }
  return response;
}

export async function deskApi<T>(path: string, options: DeskFetchOptions = {}): Promise<T> {
  const response = await deskFetch(path, options);
  return (await response.json().catch(() => null)) as T;
}
