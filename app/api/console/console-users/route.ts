import { consoleRoute, json } from "@/lib/auth/console-route";
import { listConsoleUsers } from "@/lib/auth/console-users";

/** Every console user with their live session count; viewers may look. */
export const GET = consoleRoute(async () => json(await listConsoleUsers()), { anyAccount: true });
