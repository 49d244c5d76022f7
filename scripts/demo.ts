/**
 * `npm run demo`, after setup: the local mail catcher (so sign-up's verification emails can be read
 * at /dev/mailbox), then the app (`npm run dev`). Ctrl-C stops both; when the app exits, so does this.
 */
import { spawn } from "node:child_process";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080);

let catcher: MailCatcher | null = null;
try {
  catcher = await startMailCatcher({ smtpPort, httpPort });
  console.log(`▸ Mail catcher: SMTP on ${catcher.smtpUrl}, caught mail at ${catcher.httpUrl}/messages (and /dev/mailbox)`);
} catch (error) {
  // Most likely another demo's catcher holds the ports; the app still runs, and mail goes there.
  console.warn(`▸ Mail catcher not started (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ports ${smtpPort}/${httpPort} in use?`);
}

// Its own process group, signalled as a whole: npm and sh do not pass a signal on to the server.
const app = spawn("npm", ["run", "dev"], { stdio: ["ignore", "inherit", "inherit"], detached: true });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    try {
      if (app.pid) process.kill(-app.pid, signal);
    } catch {
      // already gone
    }
  });
}
app.on("exit", async (code, signal) => {
  await catcher?.close();
  process.exit(code ?? (signal ? 1 : 0));
});
