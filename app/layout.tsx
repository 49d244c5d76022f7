import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Northwind Cloud", template: "%s · Northwind Cloud" },
  description: "Northwind Cloud: deploy, scale and observe your apps. A sample business site for asap-jwt-helpcenter.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
