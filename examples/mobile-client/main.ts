/**
 * What a mobile app does with the Desk, as a command: sign in with a JWT, list and create tickets,
 * start a chat and follow it live for a while.
 *
 *   ASAP_TOKEN=$(npm run -s token -- mint --kid example-key-1 --email ada@example.com) \
 *     npx tsx examples/mobile-client/main.ts --desk http://127.0.0.1:4010 --addon addon_example
 *
 * In a real app the JWT comes from your backend (the same minting as on the web), never from a
 * secret shipped inside the app.
 */
import { parseArgs } from "node:util";
import { DeskClient, DeskError } from "./desk-client";

const usage = "usage: ASAP_TOKEN=<jwt> tsx examples/mobile-client/main.ts --desk <url> --addon <add-on id> [--follow-seconds 10]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { desk: { type: "string" }, addon: { type: "string" }, "follow-seconds": { type: "string", default: "10" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const token = process.env.ASAP_TOKEN;
  const seconds = Number(values["follow-seconds"]);
  if (!values.desk || !values.addon || !token || !Number.isInteger(seconds) || seconds < 0 || seconds > 600) {
    console.error(usage);
    return 2;
  }

  const desk = new DeskClient(values.desk, values.addon);
  const contact = await desk.login(token);
  console.log(`signed in as ${contact.name} <${contact.email}>`);

  const ticket = await desk.createTicket({ subject: "Sent from the mobile client", description: "Created through the Desk's HTTP API." });
  console.log(`created ticket #${ticket.number}`);
  for (const mine of await desk.tickets()) console.log(`  #${mine.number} [${mine.status}] ${mine.subject}`);

  const chat = await desk.startChat("Hello from the mobile client");
  console.log(`chat ${chat.id} ${chat.status}; following it for ${seconds} s`);
  const stop = new AbortController();
  setTimeout(() => stop.abort(), seconds * 1000);
  await desk.followChat(chat.id, (message) => console.log(`  ${message.from.kind === "agent" ? message.from.name : "you"}: ${message.body}`), stop.signal);
  await desk.logout();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DeskError ? `${error.code}: ${error.message} ${error.hint}` : `could not reach the Desk: ${(error as Error).message}`);
    process.exit(1);
  },
);
