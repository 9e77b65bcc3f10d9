import { accessEvidenceRoute } from "../../../../access-routes";

export const GET = accessEvidenceRoute("user");
