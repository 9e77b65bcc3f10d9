"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { CreateOidcProviderDialog } from "./create-oidc-provider-dialog";
import { CreateSamlProviderDialog } from "./create-saml-provider-dialog";

export function AddProviderButtons({ size = "md", hideWhenReadOnly }: { size?: "sm" | "md"; hideWhenReadOnly?: boolean }) {
  const readOnly = useReadOnlyReason();
  const [open, setOpen] = useState<"oidc" | "saml" | null>(null);
  if (readOnly && hideWhenReadOnly) return null;
  return (
    <div className="flex gap-2">
      <Button variant="primary" size={size} icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen("oidc")} data-testid={hideWhenReadOnly ? "add-oidc-provider-empty" : "add-oidc-provider"}>
        OpenID Connect
      </Button>
      <Button variant="secondary" size={size} icon={<Plus aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setOpen("saml")} data-testid={hideWhenReadOnly ? "add-saml-provider-empty" : "add-saml-provider"}>
        SAML 2.0
      </Button>
      <CreateOidcProviderDialog open={open === "oidc"} onClose={() => setOpen(null)} />
      <CreateSamlProviderDialog open={open === "saml"} onClose={() => setOpen(null)} />
    </div>
  );
}
