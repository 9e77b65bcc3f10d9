import { LIMITS } from "./limits";

/**
 * IAM's words for instance profile refusals, quoted from its responses.
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html
 */
export const instanceProfileMessages = {
  notFound: (name: string) => `Instance Profile ${name} cannot be found.`,
  exists: (name: string) => `Instance Profile ${name} already exists.`,
  accountQuota: `Cannot exceed quota for InstanceProfilesPerAccount: ${LIMITS.instanceProfilesPerAccount}`,
  /** An instance profile holds one role, and AWS does not raise that quota. */
  roleQuota: `Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${LIMITS.rolesPerInstanceProfile}`,
  /** Both DeleteInstanceProfile with a role in it and DeleteRole of a role in a profile. */
  holdsRole: "Cannot delete entity, must remove roles from instance profile first.",
  /** AWS publishes no wording for removing a role the profile does not hold; these are our words. */
  roleNotInProfile: (role: string, profile: string) => `The role with name ${role} is not in instance profile ${profile}.`,
  tagQuota: `Cannot exceed quota for TagsPerInstanceProfile: ${LIMITS.tagsPerEntity}`,
};
