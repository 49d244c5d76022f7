/**
 * A real crash between an upload's two steps: this process stores a file through the Desk's own
 * upload, and is killed (SIGKILL, no cleanup of any kind) the moment the store has it, before the row
 * is inserted. Run by lib/desk/attachments/attachments.int.test.ts with the test file's environment.
 */
import { localDiskStore, type AttachmentStore } from "@/lib/desk/attachments/store";
import { receiveUpload } from "@/lib/desk/attachments/upload";
import { env } from "@/lib/shared/env";

const disk = localDiskStore(env.ATTACHMENTS_DIR);
const crashingAfterPut: AttachmentStore = {
  ...disk,
  async put(key, bytes) {
    await disk.put(key, bytes);
    process.stdout.write(`stored ${key}\n`, () => process.kill(process.pid, "SIGKILL"));
    await new Promise(() => {}); // the row's insert never comes
  },
};

await receiveUpload({ kind: "guest", clientIp: "192.0.2.77" }, "crash.txt", async () => Buffer.from("written, then the power went out\n"), crashingAfterPut);
