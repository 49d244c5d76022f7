import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Pricing" };

const plans = [
  { name: "Hobby", price: "$0", blurb: "For side projects.", items: ["1 app", "Shared instances", "Community support"] },
  {
    name: "Team",
    price: "$49",
    blurb: "For product teams shipping weekly.",
    items: ["20 apps", "Autoscaling", "Preview environments", "In-app help and tickets"],
    featured: true,
  },
  { name: "Scale", price: "$399", blurb: "For businesses with SLAs.", items: ["Unlimited apps", "Dedicated hosts", "99.99% SLA", "Live chat with engineers"] },
];

export default function PricingPage() {
  return (
    <main className="mx-auto max-w-6xl px-6 py-20">
      <h1 className="text-center text-4xl font-bold tracking-tight">Simple pricing</h1>
      <p className="mt-4 text-center text-slate-600">Per workspace, per month. Cancel at any time.</p>
      <ul className="mt-14 grid gap-6 lg:grid-cols-3">
        {plans.map((plan) => (
          <li
            key={plan.name}
            className={`flex flex-col rounded-2xl border p-8 ${plan.featured ? "border-brand-500 ring-2 ring-brand-500" : "border-slate-200"}`}
          >
            <h2 className="text-lg font-semibold">{plan.name}</h2>
            <p className="mt-1 text-sm text-slate-600">{plan.blurb}</p>
            <p className="mt-6 text-4xl font-bold">
              {plan.price}
              <span className="text-base font-medium text-slate-500">/mo</span>
            </p>
            <ul className="mt-6 flex-1 space-y-2 text-sm text-slate-700">
              {plan.items.map((item) => (
                <li key={item}>✓ {item}</li>
              ))}
            </ul>
            <Link href="/sign-up" className={buttonStyles(plan.featured ? "primary" : "secondary", "mt-8")}>
              Choose {plan.name}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
