/**
 * Astro's prerenderer (what generates the static pages), watched, so the search index can
 * start on a year's pages while later ones render (src/lib/written-pages.ts): the paths
 * its routes list, each page as it starts and as its render returns, and a page that
 * fails. It renders as before.
 */
import type { AstroPrerenderer, PathWithRoute } from "astro";

export interface GenerationWatcher {
  /** Every path the build generates, with its route, before the first renders. */
  listed: (paths: readonly PathWithRoute[]) => void;
  /** The page at `pathname` is about to render. Throwing fails it, and the build. */
  rendering: (pathname: string) => void;
  /** The page at `pathname` is rendered (Astro writes it next). */
  rendered: (pathname: string) => void;
  /** A page failed to render: the build stops. */
  failed: (error: unknown) => void;
}

/** `prerenderer`, telling `watcher` what it generates. */
export function watchGeneration(
  prerenderer: AstroPrerenderer,
  watcher: GenerationWatcher,
): AstroPrerenderer {
  const watched: AstroPrerenderer = {
    name: prerenderer.name,
    getStaticPaths: async () => {
      const paths = await prerenderer.getStaticPaths();
      watcher.listed(paths);
      return paths;
    },
    render: async (request, options) => {
      const { pathname } = new URL(request.url);
      try {
        watcher.rendering(pathname);
        const result = await prerenderer.render(request, options);
        watcher.rendered(pathname);
        return result;
      } catch (error) {
        watcher.failed(error);
        throw error;
      }
    },
  };
  // Its own `this`, whatever an adapter's prerenderer keeps there.
  if (prerenderer.setup) watched.setup = prerenderer.setup.bind(prerenderer);
  if (prerenderer.teardown) watched.teardown = prerenderer.teardown.bind(prerenderer);
  if (prerenderer.collectStaticImages) {
    watched.collectStaticImages = prerenderer.collectStaticImages.bind(prerenderer);
  }
  return watched;
}
