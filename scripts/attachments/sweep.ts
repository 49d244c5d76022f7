/**
 * `npm run attachments:sweep`: one sweep of the attachment store now (each app instance also sweeps
 * by itself, at most once an hour, after uploads): unsent uploads older than a day, files no row
 * names, and half-written files, each past an hour's grace. Prints what it removed.
 */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());
// After the environment is loaded: these read it as they are imported.
const { attachmentStore } = await import("@/lib/desk/attachments/configured-store");
const { sweepAttachments } = await import("@/lib/desk/attachments/sweep");
const { env } = await import("@/lib/shared/env");

try {
  const report = await sweepAttachments(attachmentStore);
  console.log(
    `Swept ${env.ATTACHMENTS_DIR}: ${report.pendingRemoved} unsent upload(s), ${report.orphansRemoved} file(s) without a row, ${report.unfinishedRemoved} half-written file(s) removed.`,
  );
  process.exit(0);
} catch (error) {
  console.error(`The sweep failed: ${(error as Error).message}`);
  process.exit(1);
}
