/** Demo help-center content for Northwind Cloud: categories and articles (markdown subset). */

export const categories = [
  { slug: "getting-started", name: "Getting started", description: "Your first app on Northwind, step by step.", position: 1 },
  { slug: "deployments", name: "Deployments", description: "Builds, releases, rollbacks and preview environments.", position: 2 },
  { slug: "domains-networking", name: "Domains & networking", description: "Custom domains, TLS certificates and private networking.", position: 3 },
  { slug: "billing", name: "Billing & plans", description: "Invoices, payment methods, plan changes and usage.", position: 4 },
  { slug: "account-security", name: "Account & security", description: "Sign-in, two-factor authentication, teams and audit logs.", position: 5 },
] as const;

type CategorySlug = (typeof categories)[number]["slug"];

export const articles: Array<{ slug: string; category: CategorySlug; title: string; summary: string; body: string; views: number }> = [
  {
    slug: "create-your-first-app",
    category: "getting-started",
    title: "Create your first app",
    summary: "Connect a repository and get a live URL in about five minutes.",
    views: 1840,
    body: `Northwind builds and runs any app that listens on a port.

1. In the dashboard, choose **New app** and connect your Git provider.
2. Pick the repository and the branch to deploy (usually \`main\`).
3. Northwind detects the runtime (Node.js, Python, Go, Ruby or a Dockerfile) and proposes a build command.
4. Press **Deploy**. The first build takes a few minutes; later ones reuse the cache.

When the deploy is healthy you get a URL like \`storefront-web.northwind.app\`. Every push to the branch deploys again.`,
  },
  {
    slug: "install-the-cli",
    category: "getting-started",
    title: "Install the Northwind CLI",
    summary: "Deploy, tail logs and run one-off commands from your terminal.",
    views: 1211,
    body: `The CLI is a single binary for macOS, Linux and Windows.

- macOS: \`brew install northwind/tap/nw\`
- Linux: download the archive from **Settings → CLI** and put \`nw\` on your PATH.
- Windows: \`winget install Northwind.CLI\`

Then run \`nw login\`, which opens your browser to confirm the session. \`nw apps\` lists your apps; \`nw logs storefront-web --follow\` tails its logs.`,
  },
  {
    slug: "environment-variables",
    category: "getting-started",
    title: "Set environment variables and secrets",
    summary: "Configure your app without committing secrets to git.",
    views: 990,
    body: `Open your app, then **Settings → Environment**. Add a variable per line; values are encrypted at rest and shown masked.

Changing a variable triggers a restart, not a rebuild. Variables marked **Build time** are also passed to the build step.

Never put secrets in your repository: anyone with read access to the repo could read them.`,
  },
  {
    slug: "supported-runtimes",
    category: "getting-started",
    title: "Supported runtimes and versions",
    summary: "Which language versions Northwind builds, and how to pin one.",
    views: 640,
    body: `Northwind builds current and previous LTS versions of Node.js, Python 3.10 and later, Go 1.22 and later, and Ruby 3.2 and later.

Pin a version the way your ecosystem does: \`engines.node\` in \`package.json\`, \`.python-version\`, the \`go\` line in \`go.mod\`, or \`.ruby-version\`. Anything else: bring a Dockerfile.`,
  },
  {
    slug: "roll-back-a-release",
    category: "deployments",
    title: "Roll back a release",
    summary: "Return to the previous release in one click while you investigate.",
    views: 1502,
    body: `Every successful deploy is kept as a release. Open **Deploys**, find the last good release and choose **Roll back to this release**.

A rollback reuses the stored build, so it takes seconds. Environment variables are *not* rolled back: if a variable change caused the problem, change it back too.`,
  },
  {
    slug: "preview-environments",
    category: "deployments",
    title: "Preview environments for pull requests",
    summary: "A temporary copy of your app for each pull request.",
    views: 870,
    body: `Turn on **Previews** in your app's settings. Each pull request then gets its own URL, posted as a comment on the PR, and is torn down when the PR closes.

Previews use the **Preview** set of environment variables, so they never touch production data unless you say so.`,
  },
  {
    slug: "build-failed-out-of-memory",
    category: "deployments",
    title: "My build fails with \"out of memory\"",
    summary: "Why builds run out of memory and three ways to fix it.",
    views: 1333,
    body: `Builds run with 4 GB of memory on Team and 8 GB on Scale. Large front-end builds can exceed that.

- Limit parallelism: for Node.js set \`NODE_OPTIONS=--max-old-space-size=3072\` as a **build-time** variable.
- Turn off source maps in production builds if you do not upload them anywhere.
- Move to the Scale plan, or bring a Dockerfile with a multi-stage build.`,
  },
  {
    slug: "zero-downtime-deploys",
    category: "deployments",
    title: "How zero-downtime deploys work",
    summary: "Health checks, draining and what your app must do.",
    views: 512,
    body: `Northwind starts the new release next to the old one and sends traffic only once its health check passes. The old instances then stop receiving new requests and get 30 seconds to finish the ones in flight.

Your app should answer \`GET /health\` quickly and handle \`SIGTERM\` by finishing open requests.`,
  },
  {
    slug: "scheduled-jobs",
    category: "deployments",
    title: "Run scheduled jobs",
    summary: "Cron-style jobs that run your code on a schedule.",
    views: 455,
    body: `Add a job under **Jobs → New job**, with a command (for example \`npm run report\`) and a schedule in cron syntax, in UTC.

Jobs run in a fresh instance of your latest release and are stopped after 60 minutes. Their output appears in the app's logs.`,
  },
  {
    slug: "add-a-custom-domain",
    category: "domains-networking",
    title: "Add a custom domain",
    summary: "Serve your app from your own domain with automatic HTTPS.",
    views: 2104,
    body: `Open **Settings → Domains** and add \`www.example.com\`. Northwind shows the DNS record to create:

- for a subdomain, a **CNAME** to \`storefront-web.northwind.app\`;
- for an apex domain, the two **A** records shown.

Once DNS has propagated, a TLS certificate is issued automatically, usually within ten minutes.`,
  },
  {
    slug: "certificate-pending",
    category: "domains-networking",
    title: "My certificate is stuck in \"pending\"",
    summary: "The usual causes of a certificate that is not issued, and how to fix each.",
    views: 1188,
    body: `A certificate stays pending when Northwind cannot prove you control the domain.

- Check the record with \`dig www.example.com\`: it must point to Northwind, with no other A or AAAA record beside it.
- A **CAA** record on your domain must allow Let's Encrypt.
- A proxy in front of your domain (a CDN in proxied mode) hides the record: pause it until the certificate is issued.`,
  },
  {
    slug: "private-networking",
    category: "domains-networking",
    title: "Connect apps over the private network",
    summary: "Let your API talk to your database without going over the internet.",
    views: 377,
    body: `Apps and databases in one workspace share a private network. Reach another app at \`http://orders-api.internal:8080\`.

Private traffic is not billed as bandwidth and never leaves our data center.`,
  },
  {
    slug: "static-outbound-ip",
    category: "domains-networking",
    title: "Get a static outbound IP address",
    summary: "For partners that allow-list the addresses you call them from.",
    views: 298,
    body: `On the Scale plan, turn on **Static egress** in the workspace settings. All outbound traffic from your apps then leaves from two fixed addresses, listed on the same page. Give both to your partner.`,
  },
  {
    slug: "understand-your-invoice",
    category: "billing",
    title: "Understand your invoice",
    summary: "Plan fee, usage and credits, line by line.",
    views: 1420,
    body: `Each invoice has three parts:

1. **Plan**: the monthly fee of your workspace's plan, billed in advance.
2. **Usage**: instance hours, bandwidth and storage beyond what the plan includes, billed in arrears.
3. **Credits**: promotional or goodwill credits, applied before tax.

Download invoices as PDF under **Billing → Invoices**.`,
  },
  {
    slug: "change-your-plan",
    category: "billing",
    title: "Upgrade or downgrade your plan",
    summary: "Plan changes take effect at once and are prorated.",
    views: 905,
    body: `Go to **Billing → Plan** and choose the new plan. Upgrades apply at once and you pay the prorated difference. Downgrades apply at once too, with the unused part credited to your next invoice.

If your usage exceeds the lower plan's limits, the downgrade page tells you what to change first.`,
  },
  {
    slug: "payment-failed",
    category: "billing",
    title: "What happens when a payment fails",
    summary: "Retries, reminders, and when apps are paused.",
    views: 760,
    body: `We retry a failed payment after 3, 5 and 7 days and email the billing contacts each time. Update the card under **Billing → Payment methods**, and the open invoice is retried at once.

Apps are paused only after 14 days without payment, never without three warnings.`,
  },
  {
    slug: "enable-two-factor",
    category: "account-security",
    title: "Turn on two-factor authentication",
    summary: "Protect your account with an authenticator app or a security key.",
    views: 1102,
    body: `Open **Account → Security** and choose **Enable two-factor**. Scan the QR code with an authenticator app, or register a security key.

Store the recovery codes somewhere safe: they are the only way back in if you lose the device.`,
  },
  {
    slug: "invite-your-team",
    category: "account-security",
    title: "Invite your team and set roles",
    summary: "Owners, developers and billing managers: who can do what.",
    views: 833,
    body: `Under **Workspace → Members**, invite people by email and choose a role:

- **Owner**: everything, including deleting the workspace.
- **Developer**: apps, deploys and environment variables.
- **Billing**: invoices and payment methods only.`,
  },
  {
    slug: "audit-log",
    category: "account-security",
    title: "Review the audit log",
    summary: "See who changed what, and when.",
    views: 402,
    body: `Every change to apps, members, variables and billing is recorded in **Workspace → Audit log** with the person, the time and the address it came from. Team plans keep 90 days; Scale keeps a year and can stream the log to your SIEM.`,
  },
  {
    slug: "reset-your-password",
    category: "account-security",
    title: "Reset a forgotten password",
    summary: "Get a reset link by email and choose a new password.",
    views: 1675,
    body: `On the sign-in page choose **Forgot password?** and enter your email. The link we send is valid for 30 minutes and can be used once.

No email after a few minutes? Check spam, and make sure you use the address your account was created with.`,
  },
];
