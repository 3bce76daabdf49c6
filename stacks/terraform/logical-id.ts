/**
 * A readable, stable Terraform address part from catalog words
 * (`User.Read.All` → `user_read_all`), so plans and reviews name what they grant.
 */
export function terraformName(...parts: string[]): string {
  return parts
    .join("_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "")
    .toLowerCase();
}
