import { attachedPoliciesRoutes } from "../../../principal-routes";

export const { GET, POST, DELETE } = attachedPoliciesRoutes("group");
