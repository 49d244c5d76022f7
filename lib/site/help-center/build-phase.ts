import "server-only";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * Whether this render is `next build` prerendering a page. The help pages then have no Desk to ask
 * (it is this very app, not running yet), so they render empty; page-cache.mjs never serves that
 * render: it keeps nothing from the build, and makes each page on its first request.
 */
export const isBuildPrerender = () => process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
