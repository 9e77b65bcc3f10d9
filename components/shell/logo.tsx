export function Logo() {
  return (
    <span className="flex items-center gap-2 text-[15px] font-semibold tracking-tight text-fg">
      <svg aria-hidden viewBox="0 0 32 32" className="size-6">
        <rect width="32" height="32" rx="8" className="fill-accent" />
        <path d="M9 21.5 16 9l7 12.5H9Z" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinejoin="round" />
        <circle cx="16" cy="18" r="2.2" fill="#fff" />
      </svg>
      Roleplane
    </span>
  );
}
