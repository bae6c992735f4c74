// The Worker's bindings and variables, as the Cloudflare runtime provides them.
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}
