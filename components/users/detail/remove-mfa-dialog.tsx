"use client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useRemoveMfaDeviceMutation, type MfaDeviceDto } from "../mfa-queries";
import type { UserDto } from "../user-queries";

/** "Remove" = DeactivateMFADevice then DeleteVirtualMFADevice, in one change; the device's secret is gone for good. */
export function RemoveMfaDialog({ user, device, onClose }: { user: UserDto; device: MfaDeviceDto | null; onClose: () => void }) {
  const remove = useRemoveMfaDeviceMutation(user.name);
  const toast = useToast();
  const confirm = () =>
    device &&
    remove.mutateAsync(device.serialNumber).then(() => {
      toast({ tone: "success", title: `MFA device ${device.name} removed` });
      onClose();
    }).catch(() => undefined);
  return (
    <Dialog open={!!device} onClose={onClose} title="Remove MFA device?" testId="remove-mfa-dialog"
      description={device && <>Device <code className="font-mono break-all">{device.serialNumber}</code> of {user.name}.</>}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} loading={remove.isPending} data-testid="confirm-remove-mfa-device">Remove device</Button>
      </>}>
      <div className="pb-2 text-[13px] text-fg-muted">
        <p>The device is deactivated and deleted. STS stops accepting its codes at once, so requests and roles that require MFA refuse {user.name} until another device is assigned. This cannot be undone: to use the same app again, assign a new device and scan its new QR code.</p>
        {remove.error && <p role="alert" className="mt-2 text-danger">{remove.error.message}</p>}
      </div>
    </Dialog>
  );
}
