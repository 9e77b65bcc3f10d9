"use client";
import { useEffect, useState } from "react";

/** Whether the shell's theme toggle has put the `dark` class on <html> (components/shell/theme-toggle.tsx). */
export function useDarkClass(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setDark(html.classList.contains("dark"));
    read();
    const mo = new MutationObserver(read);
    mo.observe(html, { attributes: true, attributeFilter: ["class"] });
    return () => mo.disconnect();
  }, []);
  return dark;
}
