import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * Every page keeps its menu: Starlight leaves the sidebar (and with it the phone menu, where the language and theme
 * switches live below 50rem) off splash pages such as the home page and the 404 page. Then uses a term's or a
 * variable's one-sentence summary as its meta description when it has no description of its own.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  route.hasSidebar = true;
  const { entry, head } = route;
  if ((entry.data.type !== 'term' && entry.data.type !== 'variable') || entry.data.description) return;
  const summary = entry.data.summary;
  const meta = head.find((tag) => tag.tag === 'meta' && tag.attrs?.name === 'description');
  if (meta?.attrs) meta.attrs.content = summary;
  else head.push({ tag: 'meta', attrs: { name: 'description', content: summary } });
  for (const tag of head) {
    if (tag.tag === 'meta' && tag.attrs?.property === 'og:description') tag.attrs.content = summary;
  }
});
