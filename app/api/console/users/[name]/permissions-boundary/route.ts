import { permissionsBoundaryRoutes } from "../../../principal-routes";

export const { PUT, DELETE } = permissionsBoundaryRoutes("user");
