import type { PostType, TicketPriority, TicketStatus } from "@/lib/contract/vocabulary";

/** Demo activity: tickets with their threads, and community topics with posts, replies and likes. */

type SeedComment = { body: string; byAgent?: string; isPublic?: boolean };

export const tickets: Array<{
  number: number;
  contact: string;
  assignee?: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: "web" | "asap";
  comments: SeedComment[];
}> = [
  {
    number: 1001,
    contact: "ada@example.com",
    assignee: "sam@desk.example.com",
    subject: "Certificate for shop.adas-engines.com stuck in pending",
    description: "I added the CNAME yesterday and the certificate still says pending. dig shows the right target.",
    status: "open",
    priority: "high",
    channel: "asap",
    comments: [
      { byAgent: "sam@desk.example.com", body: "Thanks Ada. I can see a CAA record on adas-engines.com that only allows another CA. Could you add `0 issue \"letsencrypt.org\"`?" },
      { body: "Done, added the CAA record a minute ago." },
      { byAgent: "sam@desk.example.com", isPublic: false, body: "Re-queued the ACME order manually; watch for issuance." },
    ],
  },
  {
    number: 1002,
    contact: "ada@example.com",
    subject: "Invoice shows bandwidth I did not expect",
    description: "March invoice has 180 GB of bandwidth overage. Our traffic did not change. Can you break it down?",
    status: "on_hold",
    priority: "medium",
    channel: "web",
    comments: [
      { byAgent: "priya@desk.example.com", body: "Most of it is traffic between orders-api and an external database. Moving it to the private network makes it free; I have asked billing about a goodwill credit." },
    ],
  },
  {
    number: 1003,
    contact: "grace@example.com",
    assignee: "sam@desk.example.com",
    subject: "Build fails with JavaScript heap out of memory",
    description: "Since Monday our Next.js build fails at 'Collecting page data' with a heap error.",
    status: "closed",
    priority: "medium",
    channel: "asap",
    comments: [
      { byAgent: "sam@desk.example.com", body: "Setting NODE_OPTIONS=--max-old-space-size=3072 as a build-time variable should fix it, see the article on out-of-memory builds." },
      { body: "That did it, thanks!" },
    ],
  },
  {
    number: 1004,
    contact: "grace@example.com",
    subject: "Request: static outbound IP on the Team plan",
    description: "Our payment provider requires allow-listed IPs. Is static egress possible without moving to Scale?",
    status: "open",
    priority: "low",
    channel: "web",
    comments: [],
  },
  {
    number: 1005,
    contact: "alan@example.com",
    assignee: "priya@desk.example.com",
    subject: "Card declined but the bank says all is fine",
    description: "Payment failed twice this week. The bank sees no attempt. Apps are still up, but I'd like to fix it before the pause.",
    status: "open",
    priority: "urgent",
    channel: "asap",
    comments: [{ byAgent: "priya@desk.example.com", body: "The card needs 3-D Secure confirmation. I've sent a link to the billing contact to confirm it." }],
  },
];

export const communityTopics = [
  { slug: "announcements", name: "Announcements", description: "News from the Northwind team." },
  { slug: "questions", name: "Questions", description: "Ask the community and our engineers." },
  { slug: "ideas", name: "Ideas", description: "Suggest features and vote on others'." },
];

export const communityPosts: Array<{
  topic: string;
  author: string;
  type: PostType;
  title: string;
  body: string;
  replies: Array<{ author: string; body: string }>;
  likedBy: string[];
}> = [
  {
    topic: "announcements",
    author: "admin@desk.example.com",
    type: "announcement",
    title: "In-app help is here: sign in once, get help everywhere",
    body: "The help center now lives inside the dashboard. If you're signed in to Northwind, you're signed in to help: your tickets, your community profile, your chat history.",
    replies: [{ author: "ada@example.com", body: "Love this. No more second password for support!" }],
    likedBy: ["ada@example.com", "grace@example.com", "alan@example.com"],
  },
  {
    topic: "questions",
    author: "grace@example.com",
    type: "question",
    title: "How do you run database migrations on deploy?",
    body: "Do people run migrations in the build step or as a release command? Worried about two instances racing.",
    replies: [
      { author: "alan@example.com", body: "Release command. It runs once per deploy, before traffic switches, so there is no race." },
      { author: "ada@example.com", body: "Same here, plus migrations that are backwards compatible with the previous release." },
    ],
    likedBy: ["ada@example.com"],
  },
  {
    topic: "ideas",
    author: "alan@example.com",
    type: "idea",
    title: "Scheduled scaling for predictable traffic",
    body: "We know our traffic triples at 9:00 every weekday. It would be nice to pre-scale instead of waiting for autoscaling.",
    replies: [],
    likedBy: ["grace@example.com"],
  },
  {
    topic: "questions",
    author: "ada@example.com",
    type: "discussion",
    title: "Share your preview-environment setup",
    body: "We seed each preview with a small anonymised dataset. How do you handle data in previews?",
    replies: [{ author: "grace@example.com", body: "We snapshot staging nightly and restore it into each preview." }],
    likedBy: [],
  },
];
