import { inlinePolicyRoutes } from "../../../../principal-routes";

export const { GET, PUT, DELETE } = inlinePolicyRoutes("group");
