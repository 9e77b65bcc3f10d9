"use client";
import { useEffect, useState } from "react";
import { Eye, EyeOff, TriangleAlert } from "lucide-react";
import { assignMfaDeviceSchema, consecutiveCodesSchema } from "@/lib/domain/mfa-schemas";
import { LIMITS } from "@/lib/domain/schemas";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { ApiError } from "@/components/api/fetch-json";
import { useCreateMfaDeviceMutation, useEnableMfaDeviceMutation, useRemoveMfaDeviceMutation, type NewMfaDeviceDto } from "../mfa-queries";
import type { UserDto } from "../user-queries";

const NO_CODES = { AuthenticationCode1: "", AuthenticationCode2: "" };

/**
 * "Assign MFA device", as IAM's console does it: name the device (CreateVirtualMFADevice), scan its QR code or
 * type its secret into an authenticator app, then prove it with two consecutive codes (EnableMFADevice). The
 * secret is shown only here; closing the dialog before the codes are accepted deletes the half-made device, so
 * its name is free again.
 */
export function AssignMfaDialog({ user, open, onClose }: { user: UserDto; open: boolean; onClose: () => void }) {
  const create = useCreateMfaDeviceMutation(user.name);
  const enable = useEnableMfaDeviceMutation(user.name);
  const discard = useRemoveMfaDeviceMutation(user.name);
  const toast = useToast();
  const [name, setName] = useState("");
  const [codes, setCodes] = useState(NO_CODES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useResetOnOpen(open && "assign", () => {
    setName(user.name);
    setCodes(NO_CODES);
    setErrors({});
  });
  useEffect(() => {
    if (!open) return;
    create.reset();
    enable.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const device = create.data ?? null;
  const close = () => {
    if (device) discard.mutate(device.serialNumber);
    create.reset();
    onClose();
  };

  async function submitName(e: React.FormEvent) {
    e.preventDefault();
    const parsed = assignMfaDeviceSchema.safeParse({ VirtualMFADeviceName: name });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (parsed.success) await create.mutateAsync(parsed.data.VirtualMFADeviceName).catch(() => undefined);
  }

  async function submitCodes(e: React.FormEvent) {
    e.preventDefault();
    if (!device) return;
    const parsed = consecutiveCodesSchema.safeParse({ SerialNumber: device.serialNumber, ...codes });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await enable.mutateAsync(parsed.data).then(() => {
      toast({ tone: "success", title: "MFA device assigned", message: `${device.name} now proves a second factor for ${user.name}.` });
      create.reset();
      onClose();
    }).catch(() => undefined);
  }

  const serverError = [create.error, enable.error].find((e): e is ApiError => e instanceof ApiError);
  return (
    <Dialog open={open} onClose={close} title="Assign MFA device" testId="assign-mfa-dialog"
      description={<>A virtual MFA device for IAM user <strong>{user.name}</strong>: an authenticator app that shows a new six-digit code every 30 seconds.</>}
      footer={<>
        <Button variant="ghost" onClick={close}>Cancel</Button>
        {device
          ? <Button variant="primary" type="submit" form="enable-mfa-form" loading={enable.isPending} data-testid="confirm-enable-mfa">Add MFA</Button>
          : <Button variant="primary" type="submit" form="create-mfa-form" loading={create.isPending || discard.isPending} data-testid="confirm-create-mfa">Continue</Button>}
      </>}>
      {device ? (
        <form id="enable-mfa-form" onSubmit={submitCodes} noValidate className="flex flex-col gap-4 pb-2">
          <SetUpApp device={device} />
          <fieldset>
            <legend className="text-[13px] font-medium">Enter two consecutive codes</legend>
            <p className="mt-0.5 text-[13px] text-fg-muted">Type the code the app shows now, wait for it to change, then type the next one.</p>
            <div className="mt-2 grid grid-cols-2 gap-3">
              {(["AuthenticationCode1", "AuthenticationCode2"] as const).map((k, i) => (
                <Field key={k} label={`MFA code ${i + 1}`} error={errors[k]}>
                  {({ id, describedBy, invalid }) => (
                    <Input id={id} aria-describedby={describedBy} invalid={invalid} value={codes[k]} autoFocus={i === 0} inputMode="numeric" autoComplete="one-time-code" maxLength={6}
                      className="font-mono tracking-[0.3em]" onChange={(e) => setCodes({ ...codes, [k]: e.target.value.replace(/\D/g, "") })} data-testid={`mfa-code-${i + 1}`} />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
          {serverError && <ErrorState title="The device was not added" message={serverError.code === "InvalidAuthenticationCode" ? `${serverError.message} Check that the codes are consecutive and current, and that the device's clock is right.` : serverError.message} />}
        </form>
      ) : (
        <form id="create-mfa-form" onSubmit={submitName} noValidate className="flex flex-col gap-4 pb-2">
          <Field label="Device name" error={errors.VirtualMFADeviceName} hint={`Up to ${LIMITS.virtualMfaDeviceName.max} letters, digits and + = , . @ _ -, unique in the account. It ends the device's serial number, arn:aws:iam::${user.arn.split(":")[4]}:mfa/${name || "NAME"}.`}>
            {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoFocus autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="mfa-device-name" />}
          </Field>
          {serverError && <ErrorState title={serverError.code} message={serverError.message} />}
        </form>
      )}
    </Dialog>
  );
}

/** The QR code and, for typing in, the secret key: shown once, hidden until asked for. */
function SetUpApp({ device }: { device: NewMfaDeviceDto }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex gap-4">
        {/* A QR code needs a light background to scan, in dark mode too. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`data:image/png;base64,${device.qrCodePng}`} alt={`QR code for the MFA device ${device.name}`} width={148} height={148} className="size-37 shrink-0 rounded-lg border border-border bg-white p-1" data-testid="mfa-qr-code" />
        <div className="flex min-w-0 flex-col gap-2 text-[13px] text-fg-muted">
          <p><strong className="text-fg">Scan the QR code</strong> with an authenticator app (Google Authenticator, Authy, 1Password, …) on a phone or computer. The entry appears as <span className="font-mono text-fg">Roleplane</span>.</p>
          <p>No camera? Add the entry by hand with this secret key, time-based, 6 digits:</p>
          <div className="flex items-center gap-1 rounded-lg border border-border bg-surface-2 py-1 pr-1 pl-3">
            <code className="min-w-0 flex-1 font-mono text-[12px] break-all text-fg" data-testid="mfa-secret-key">{shown ? device.base32StringSeed : "•".repeat(20)}</code>
            <Button size="sm" variant="ghost" onClick={() => setShown((s) => !s)} icon={shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />} data-testid="toggle-mfa-secret">{shown ? "Hide" : "Show"}</Button>
            <CopyButton value={device.base32StringSeed} label="secret key" />
          </div>
        </div>
      </div>
      <div role="note" className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="mfa-secret-once-warning">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <p><strong>This secret is shown only now.</strong> Anyone who has it can make this user’s codes. If you close this dialog before adding the device, the device is discarded.</p>
      </div>
    </div>
  );
}
