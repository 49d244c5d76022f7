/**
 * Marks what a guest submitted: the email was typed, not proven, so the agent must not treat it as
 * the contact's own words (or reveal the contact's other tickets to whoever wrote it).
 */
export function GuestBadge() {
  return <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">guest, unverified email</span>;
}
