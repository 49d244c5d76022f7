import { z } from "zod";

export const articleListQuery = z.object({
  category: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: "must be a category slug" }).optional(),
  q: z.string().trim().min(1).max(200, { error: "keep searches under 200 characters" }).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const feedbackBody = z.object({ helpful: z.boolean({ error: "must be true or false" }) }).strict();
