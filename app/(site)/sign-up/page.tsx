import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/site/current-user";
import { AuthCard } from "@/components/site/auth-card";
import { SignUpForm } from "@/components/site/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <AuthCard
      title="Create your Northwind account"
      subtitle={
        <>
          Already have one?{" "}
          <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
