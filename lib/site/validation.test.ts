import { describe, expect, it } from "vitest";
import { fieldErrors, signInSchema, signUpSchema } from "./validation";

const signUp = (input: Record<string, unknown>) => {
  const result = signUpSchema.safeParse({ name: "Ada Lovelace", email: "ada@example.com", password: "a-long-password", ...input });
  return result.success ? { data: result.data } : { errors: fieldErrors(result.error) };
};

describe("sign-up input", () => {
  it("normalises the email to lower case without surrounding spaces", () => {
    expect(signUp({ email: "  Ada@Example.COM " }).data?.email).toBe("ada@example.com");
  });

  it.each([
    [{ name: "  " }, "name", "Enter your name."],
    [{ name: "x".repeat(101) }, "name", "Keep your name under 100 characters."],
    [{ email: "" }, "email", "Enter your email address."],
    [{ email: "ada@" }, "email", "Enter a valid email address, like name@example.com."],
    [{ email: `${"a".repeat(250)}@x.io` }, "email", "That email address is too long."],
    [{ password: "short" }, "password", "Use at least 10 characters for your password."],
    [{ password: "x".repeat(129) }, "password", "Keep your password under 128 characters."],
  ])("refuses %o with a message on %s", (input, field, message) => {
    expect(signUp(input).errors).toEqual({ [field]: message });
  });

  it("reports one message per field", () => {
    expect(Object.keys(signUp({ name: "", email: "nope", password: "" }).errors ?? {})).toEqual(["name", "email", "password"]);
  });
});

describe("sign-in input", () => {
  it("requires both fields", () => {
    const result = signInSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ email: "Enter your email address.", password: "Enter your password." });
    }
  });
});

describe("ill-formed Unicode", () => {
  // Half a surrogate pair cannot be stored or shown; it is refused like any other bad input.
  it("refuses a lone surrogate in the name", () => {
    expect(signUp({ name: "Ada \ud800" }).errors).toEqual({ name: "Your name contains a broken character. Retype it." });
  });

  it("refuses a lone surrogate in the email or password", () => {
    expect(signUp({ email: "ada\udc00@example.com" }).errors).toHaveProperty("email");
    expect(signUp({ password: "a-long-password\ud800" }).errors).toHaveProperty("password");
    expect(signInSchema.safeParse({ email: "ada@example.com", password: "pw\ud800" }).success).toBe(false);
  });

  it("accepts emoji and other astral characters", () => {
    expect(signUp({ name: "Ada 😀 𝄞" }).data?.name).toBe("Ada 😀 𝄞");
  });
});
