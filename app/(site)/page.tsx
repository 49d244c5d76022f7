import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";

const features = [
  { title: "Deploy from git", body: "Push to main and Northwind builds, tests and rolls out your app with zero downtime." },
  { title: "Scale by the request", body: "Instances follow your traffic, from one to hundreds, and back to one at night." },
  { title: "See everything", body: "Logs, traces and metrics in one place, with alerts that page the right person." },
  { title: "Help inside the app", body: "Articles, tickets and chat with our team, right where you work, signed in as you." },
];

export default function LandingPage() {
  return (
    <main>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-6xl px-6 py-24 text-center">
          <p className="text-sm font-semibold text-brand-600">Cloud hosting for product teams</p>
          <h1 className="mx-auto mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Ship on Friday. Sleep on Saturday.
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-lg text-slate-600">
            Northwind Cloud runs your web apps, databases and background jobs, and tells you before your customers
            do when something is off.
          </p>
          <div className="mt-10 flex justify-center gap-3">
            <Link href="/sign-up" className={buttonStyles("primary", "px-6 py-3 text-base")}>
              Start free
            </Link>
            <Link href="/pricing" className={buttonStyles("secondary", "px-6 py-3 text-base")}>
              See pricing
            </Link>
          </div>
        </div>
      </section>
      <section aria-labelledby="features" className="mx-auto max-w-6xl px-6 py-20">
        <h2 id="features" className="text-center text-2xl font-bold tracking-tight">
          Everything between your repo and your users
        </h2>
        <ul className="mt-12 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {features.map((feature) => (
            <li key={feature.title} className="rounded-2xl border border-slate-200 p-6">
              <h3 className="font-semibold">{feature.title}</h3>
              <p className="mt-2 text-sm text-slate-600">{feature.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
