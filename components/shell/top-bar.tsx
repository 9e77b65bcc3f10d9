import { AccountSwitcher } from "./account-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { Logo } from "./logo";

export function TopBar() {
  return (
    <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-border bg-surface/85 px-4 backdrop-blur md:px-6">
      <div className="md:hidden">
        <Logo />
      </div>
      <AccountSwitcher />
      <div className="ml-auto flex items-center gap-3">
        <ThemeToggle />
        <span aria-hidden className="h-6 w-px bg-border" />
        <UserMenu />
      </div>
    </header>
  );
}
