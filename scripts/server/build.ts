/** `npm run build:server`: compiles server.ts into dist/server.mjs (./bundle.ts says why). */
import path from "node:path";
import { buildServer } from "./bundle";

console.log(`▸ server built into ${path.relative(process.cwd(), buildServer())}`);
