import { handlers } from "@/lib/site/auth";

export const { GET, POST } = handlers;
