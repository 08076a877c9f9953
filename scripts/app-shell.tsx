/**
 * The app's frame as static HTML, for index.html (the app-shell plugin in vite.config.ts): a phone
 * on a slow network shows the header as soon as the page and its stylesheet arrive, instead of a
 * blank screen until the app's code has come and run. React replaces it with the same markup on
 * its first render. No link is marked as the current page: the same file serves every address.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { SiteHeader } from '../src/app/site-header';

/** An address no menu link matches. */
const NO_PAGE = '/index.html';

export function renderAppShell(): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={[NO_PAGE]}>
      <SiteHeader />
    </MemoryRouter>,
  );
}
