import { inlinePoliciesRoutes } from "../../../principal-routes";

export const { GET } = inlinePoliciesRoutes("group");
