/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by src/middleware.ts from the runtime (src/runtime/node.ts or cloudflare.ts). */
    portal: import('./runtime/portal.ts').PortalRuntime;
  }
}

declare module '#runtime' {
  /** The runtime of this build's adapter (aliased in astro.config.mjs). */
  export function portalRuntime(locals: object): Promise<import('./runtime/portal.ts').PortalRuntime>;
}

// The Worker's bindings and variables, as the Cloudflare runtime provides them.
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>;
}

/** A .wasm?module import in the Worker build is the compiled module (src/runtime/photo-wasm-cloudflare.ts). */
declare module '*.wasm?module' {
  const module: WebAssembly.Module;
  export default module;
}
