import type { TestProject } from "vitest/node";
import { setupServer } from "./global-setup";

export default (project: TestProject) => setupServer(project, "postgres");
