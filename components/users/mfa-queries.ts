"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { ConsecutiveCodesInput } from "@/lib/domain/mfa-schemas";
import type { MfaDevice, NewVirtualMfaDevice } from "@/lib/domain/mfa-types";
import { usePrincipalMutation } from "@/components/permissions/principal-queries";
import { userApi, userKeys } from "./user-queries";

export type MfaDeviceDto = Jsonified<MfaDevice>;
export type NewMfaDeviceDto = Jsonified<NewVirtualMfaDevice>;

const mfaApi = (user: string, rest = "") => userApi(user, `/mfa-devices${rest}`);
export const mfaDevicesKey = (user: string) => [...userKeys.detail(user), "mfa-devices"] as const;

export const useMfaDevicesQuery = (user: string) =>
  useQuery({ queryKey: mfaDevicesKey(user), queryFn: () => fetchJson<MfaDeviceDto[]>(mfaApi(user)) });

/** The seed and QR code live only in this mutation's result (component state), never in the query cache. */
export const useCreateMfaDeviceMutation = (user: string) =>
  usePrincipalMutation("user", user, (VirtualMFADeviceName: string) => fetchJson<NewMfaDeviceDto>(mfaApi(user), { method: "POST", body: { VirtualMFADeviceName } }));

export const useEnableMfaDeviceMutation = (user: string) =>
  usePrincipalMutation("user", user, (input: ConsecutiveCodesInput) => fetchJson(mfaApi(user, "/enable"), { method: "POST", body: input }));

/** Deactivates (when enabled for this user) and deletes the device. */
export const useRemoveMfaDeviceMutation = (user: string) =>
  usePrincipalMutation("user", user, (serialNumber: string) => fetchJson(withQuery(mfaApi(user), { serialNumber }), { method: "DELETE" }));
