/**
 * The most clock skew an add-on may be configured to tolerate. The replay store remembers a jti until
 * its token could not pass with this much skew, so raising an add-on's skew never revives a used jti.
 */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * Failed logins per add-on and client address per minute. A widget logs in about once an hour per
 * user; 60 failures a minute is far beyond any honest integration's mistakes, yet stops a
 * token-guessing or log-flooding loop at once.
 */
export const LOGIN_FAILURES_PER_MINUTE = 60;
