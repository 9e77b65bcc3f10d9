import Link from "next/link";
import { Card } from "@/components/ui/states";
import { toRole } from "@/components/roles/routes";
import type { ProviderDetailsDto } from "../provider-queries";

/** The roles whose trust policies name this provider: who signs in through it. */
export function TrustingRolesCard({ roles, accountId }: { roles: ProviderDetailsDto["roles"]; accountId: string }) {
  return (
    <Card title="Roles that trust this provider" description="Roles whose trust policy names this provider as a Federated principal." padded={false}>
      {roles.length === 0 ? (
        <p className="px-5 py-4 text-[13px] text-fg-muted">No role trusts this provider yet. Create a role for web identity or SAML 2.0 federation and choose this provider.</p>
      ) : (
        <ul className="divide-y divide-border" data-testid="trusting-roles">
          {roles.map((r) => (
            <li key={r.arn} className="px-5 py-2.5 text-[13px]">
              {r.accountId === accountId ? <Link href={toRole({ name: r.name })} className="font-medium text-accent hover:underline">{r.name}</Link> : <span className="font-medium">{r.name}</span>}
              <span className="ml-2 font-mono text-[11px] text-fg-subtle">{r.arn}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
