// Hash routes (#/cases/ID): the address carries screen names and opaque ids only, never a name,
// a date of birth or any other value about a youth; the fragment is never sent to a server.
import { useEffect, useState } from 'preact/hooks';

export function currentPath() {
  const hash = window.location.hash.replace(/^#/, '');
  return hash || '/';
}

export function useHashPath() {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

export function navigate(path) {
  window.location.hash = `#${path}`;
}

/** Matches '/cases/:id' against '/cases/abc' -> {id: 'abc'}; null when it does not match. */
export function match(pattern, path) {
  const p = pattern.split('/').filter(Boolean);
  const a = path.split('?')[0].split('/').filter(Boolean);
  if (p.length !== a.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

/** The first route whose pattern matches; each route is [pattern, Component]. */
export function resolve(routes, path) {
  for (const [pattern, component] of routes) {
    const params = match(pattern, path);
    if (params) return { component, params };
  }
  return null;
}
