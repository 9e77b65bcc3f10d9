/**
 * Warms the AWS action catalogue when the server boots, so the first policy check does not pay the ~2 s load.
 * Fire-and-forget: the server answers meanwhile and checks await the same promise.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadCatalogue } = await import("@/lib/policy/catalogue-loader");
  void loadCatalogue();
}
