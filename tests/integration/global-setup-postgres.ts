import type { TestProject } from "vitest/node";
import { setupServer } from "./global-setup";

export default function setup(project: TestProject) {
  return setupServer(project, "postgres");
}
