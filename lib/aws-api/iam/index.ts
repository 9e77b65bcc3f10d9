import type { QueryService } from "../action";
import { accessKeyActions } from "./access-keys";
import { authorizationDetailsActions } from "./authorization-details";
import { instanceProfileActions } from "./instance-profiles";
import { mfaDeviceActions } from "./mfa-devices";
import { groupActions } from "./groups";
import { identityProviderActions } from "./identity-providers";
import { policyActions } from "./policies";
import { principalPolicyActions } from "./principal-policies";
import { roleActions } from "./roles";
import { serviceLinkedRoleActions } from "./service-linked-roles";
import { simulateActions } from "./simulate";
import { userActions } from "./users";

/** IAM, API version 2010-05-08 (https://docs.aws.amazon.com/IAM/latest/APIReference/). */
export const iamService: QueryService = {
  name: "iam",
  version: "2010-05-08",
  namespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  actions: {
    ...roleActions,
    ...principalPolicyActions,
    ...policyActions,
    ...userActions,
    ...accessKeyActions,
    ...mfaDeviceActions,
    ...serviceLinkedRoleActions,
    ...instanceProfileActions,
    ...groupActions,
    ...identityProviderActions,
    ...authorizationDetailsActions,
    ...simulateActions,
  },
};
