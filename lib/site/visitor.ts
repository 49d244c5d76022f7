import "server-only";
import { widgetConfig } from "./asap/issue-token";
import { currentUser } from "./current-user";
import type { VisitorAnswer } from "./visitor-answer";

export async function readVisitor(): Promise<VisitorAnswer> {
  const user = await currentUser();
  return {
    user: user ? { name: user.name, email: user.email, emailVerified: Boolean(user.emailVerified) } : null,
    widget: widgetConfig(),
  };
}
