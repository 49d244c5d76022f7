/**
 * The most clock skew an add-on may be configured to tolerate. The replay store remembers a jti until
 * its token could not pass with this much skew, so raising an add-on's skew never revives a used jti.
 */
export const MAX_CLOCK_SKEW_SECONDS = 300;
