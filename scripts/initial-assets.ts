/**
 * The files a browser fetches before the first screen can render, read from a built index.html:
 * module scripts, stylesheets and modulepreload links that point at the app's own assets.
 */
export function initialAssets(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    const url = tag.toLowerCase().startsWith('<script')
      ? attr('type') === 'module'
        ? attr('src')
        : undefined
      : ['stylesheet', 'modulepreload'].includes(attr('rel')?.toLowerCase() ?? '')
        ? attr('href')
        : undefined;
    if (url !== undefined && !/^(?:[a-z]+:)?\/\//i.test(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
