import { Notice } from "@/components/ui/alert";
import { ResendLinkForm } from "./resend-link-form";

/** For a signed-in user whose address is not proved yet: why help treats them as a guest, and the fix. */
export function VerifyEmailBanner({ email, className }: { email: string; className?: string }) {
  return (
    <Notice className={className}>
      <p className="font-medium">Verify your email address to see your tickets in help.</p>
      <p className="mt-1">
        We emailed a link to <span className="font-medium">{email}</span>. Open it, and confirm. Nothing arrived? Check your spam folder, or
        ask for a new one.
      </p>
      <div className="mt-3">
        <ResendLinkForm />
      </div>
    </Notice>
  );
}
