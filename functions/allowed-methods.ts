/** A route as Hono lists it in `app.routes` (middleware is listed too, under method "ALL"). */
interface ListedRoute {
  method: string;
  path: string;
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** A Hono path pattern ("/api/msmes/:slug", "/admin/umkm/:id{[0-9]+}", "/x/*") as a regular expression. */
function patternOf(path: string): RegExp {
  const source = trimSlash(path)
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      const param = /^:[A-Za-z0-9_]+(?:\{(.+)\})?(\?)?$/.exec(part);
      if (param) return `(?:${param[1] ?? '[^/]+'})${param[2] ?? ''}`;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The methods a path answers, for a 405's Allow header: every route (not middleware) whose
 * pattern matches it, with HEAD wherever GET is (Hono answers HEAD from GET). Empty when
 * no route knows the path, which is a 404.
 */
export function allowedMethods(routes: readonly ListedRoute[], pathname: string): string[] {
  const path = trimSlash(pathname);
  const methods = new Set(routes.filter((r) => r.method !== 'ALL' && patternOf(r.path).test(path)).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
