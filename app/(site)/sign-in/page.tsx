import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/site/current-user";
import { AuthCard } from "@/components/site/auth-card";
import { SignInForm } from "@/components/site/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // proxy.ts passes an absolute URL; keep only its path, and only a same-site one.
  const path = callbackUrl ? safePath(callbackUrl) : undefined;
  // From the database, not the cookie alone: a session whose account is gone must be able to sign in.
  if (await currentUser()) redirect(path && !path.startsWith("/sign-in") ? path : "/dashboard");
  return (
    <AuthCard
      title="Sign in to Northwind Cloud"
      subtitle={
        <>
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={path} />
    </AuthCard>
  );
}

function safePath(value: string): string | undefined {
  try {
    const url = new URL(value, "http://placeholder.invalid");
    return url.pathname.startsWith("//") ? undefined : url.pathname + url.search;
  } catch {
    return undefined;
  }
}
