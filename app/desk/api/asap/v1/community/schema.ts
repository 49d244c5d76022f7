import { z } from "zod";

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} may be at most ${max} characters` });

export const postListQuery = z.object({
  topic: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: "must be a topic slug" }).optional(),
  type: z.enum(["question", "idea", "discussion", "announcement"]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const newPostBody = z.strictObject({
  topic: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: "topic must be a topic slug" }),
  // Announcements are the Desk's own; members ask, suggest and discuss.
  type: z.enum(["question", "idea", "discussion"], { error: "type must be question, idea or discussion" }),
  title: text("title", 200),
  body: text("body", 10_000),
});

export const replyBody = z.strictObject({ body: text("body", 10_000) });
