import { accessAnswerRoute } from "../../../access-routes";

export const GET = accessAnswerRoute("user");
