/** How the help pages mark a ticket a guest submitted with this user's email: it may not be theirs. */
export const GUEST_SUBMISSION = "Submitted as a guest (email not verified)";
