import * as mfa from "@/lib/iam/mfa-devices";
import { createVirtualMfaDeviceSchema } from "@/lib/domain/mfa-schemas";
import type { MfaDevice, NewVirtualMfaDevice } from "@/lib/domain/mfa-types";
import { action, type QueryAction } from "../action";
import { pageTail } from "../shapes";
import type { XmlObject } from "../xml";
import * as s from "./schemas";
import { targetUser } from "./target-user";

/**
 * Virtual MFA devices (CreateVirtualMFADevice … ListMFADeviceTags). Shapes follow botocore's `VirtualMFADevice` and
 * `MFADevice`; `Base32StringSeed` and `QRCodePNG` are blobs, which the Query protocol sends base64-encoded.
 */

const tagList = (d: MfaDevice) => (d.tags.length > 0 ? d.tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined);

/** ListVirtualMFADevices leaves out tags (see its API reference); the User element carries the user's identity. */
function virtualMfaDeviceShape(d: MfaDevice): XmlObject {
  return {
    SerialNumber: d.serialNumber,
    User: d.user ? { Path: d.user.path, UserName: d.user.name, UserId: d.user.id, Arn: d.user.arn, CreateDate: d.user.createdAt } : undefined,
    EnableDate: d.enabledAt ?? undefined,
  };
}

function newVirtualMfaDeviceShape(d: NewVirtualMfaDevice): XmlObject {
  return {
    SerialNumber: d.serialNumber,
    Base32StringSeed: Buffer.from(d.base32StringSeed, "ascii").toString("base64"),
    QRCodePNG: d.qrCodePng,
    Tags: tagList(d),
  };
}

const mfaDeviceShape = (d: MfaDevice): XmlObject => ({ UserName: d.user?.name, SerialNumber: d.serialNumber, EnableDate: d.enabledAt ?? undefined });

export const mfaDeviceActions: Record<string, QueryAction> = {
  CreateVirtualMFADevice: action(createVirtualMfaDeviceSchema, async ({ ctx }, input) => ({
    VirtualMFADevice: newVirtualMfaDeviceShape(await mfa.createVirtualMfaDevice(ctx, input)),
  })),

  EnableMFADevice: action(s.mfaDeviceUserCodes, async ({ ctx }, { UserName, ...codes }) => {
    await mfa.enableMfaDevice(ctx, UserName, codes);
    return undefined;
  }),

  ResyncMFADevice: action(s.mfaDeviceUserCodes, async ({ ctx }, { UserName, ...codes }) => {
    await mfa.resyncMfaDevice(ctx, UserName, codes);
    return undefined;
  }),

  // Without UserName, DeactivateMFADevice and ListMFADevices act on the caller.
  DeactivateMFADevice: action(s.mfaDeviceDeactivate, async (c, input) => {
    await mfa.deactivateMfaDevice(c.ctx, targetUser(c, input.UserName), input.SerialNumber);
    return undefined;
  }),

  DeleteVirtualMFADevice: action(s.mfaDeviceOnly, async ({ ctx }, input) => {
    await mfa.deleteVirtualMfaDevice(ctx, input.SerialNumber);
    return undefined;
  }),

  ListMFADevices: action(s.mfaDevicesPage, async (c, input) => {
    const page = await mfa.listMfaDevices(c.ctx, targetUser(c, input.UserName), { marker: input.Marker, maxItems: input.MaxItems });
    return { MFADevices: page.items.map(mfaDeviceShape), ...pageTail(page) };
  }),

  ListVirtualMFADevices: action(s.virtualMfaDevicesPage, async ({ ctx }, input) => {
    const page = await mfa.listVirtualMfaDevices(ctx, { status: input.AssignmentStatus, marker: input.Marker, maxItems: input.MaxItems });
    return { VirtualMFADevices: page.items.map(virtualMfaDeviceShape), ...pageTail(page) };
  }),

  TagMFADevice: action(s.mfaDeviceTags, async ({ ctx }, input) => {
    await mfa.tagMfaDevice(ctx, input.SerialNumber, input.Tags);
    return undefined;
  }),

  UntagMFADevice: action(s.mfaDeviceTagKeys, async ({ ctx }, input) => {
    await mfa.untagMfaDevice(ctx, input.SerialNumber, input.TagKeys);
    return undefined;
  }),

  ListMFADeviceTags: action(s.mfaDeviceTagsPage, async ({ ctx }, input) => {
    const page = await mfa.listMfaDeviceTags(ctx, input.SerialNumber, { marker: input.Marker, maxItems: input.MaxItems });
    return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), ...pageTail(page) };
  }),
};
