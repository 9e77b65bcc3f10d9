import { tagsRoutes } from "../../../principal-routes";

export const { GET, PUT } = tagsRoutes("role");
