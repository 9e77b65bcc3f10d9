import { requireConsoleSession } from "@/lib/auth/session";
import { currentAccount } from "@/lib/auth/account";
import { Providers } from "@/components/shell/providers";
import { ConsoleProvider } from "@/components/shell/console-context";
import { Sidebar } from "@/components/shell/sidebar";
import { TopBar } from "@/components/shell/top-bar";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireConsoleSession();
  const { account, accounts } = await currentAccount();
  return (
    <ConsoleProvider value={{ user, account, accounts }}>
      <Providers>
        <div className="flex min-h-screen">
          <Sidebar />
          <div className="flex min-w-0 flex-1 flex-col">
            <TopBar />
            <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8 md:py-8">{children}</main>
          </div>
        </div>
      </Providers>
    </ConsoleProvider>
  );
}
