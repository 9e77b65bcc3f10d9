"use client";
import { useEffect } from "react";
import { RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";

/** A page of the console failed while rendering: say so inside the console, keep the navigation, offer a retry. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="flex flex-col items-start gap-4 py-12">
      <ErrorState
        title="This page hit an error"
        message={`${error.message || "Something went wrong while showing this page."}${error.digest ? ` (reference ${error.digest}; the server log has the details)` : ""}`}
      />
      <Button icon={<RotateCw aria-hidden className="size-4" />} onClick={() => reset()}>
        Try again
      </Button>
    </div>
  );
}
