import type { Metadata } from "next";
import "@fontsource-variable/inter";
import "@fontsource-variable/jetbrains-mono";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roleplane", template: "%s · Roleplane" },
  description: "Self-hosted AWS IAM roles and STS, with a console that explains trust.",
};

/** Applies the saved theme (or the system's) before first paint, so dark mode never flashes light. */
const themeScript = `(function(){try{var t=localStorage.getItem("rp-theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-bg text-fg">{children}</body>
    </html>
  );
}
