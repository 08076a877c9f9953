import { NavLink } from 'react-router';
import { InstallButton } from './install-button';

/**
 * The top of every page: the skip link and the header with the menu (and the install button).
 * Also rendered into index.html at build time (scripts/app-shell.tsx), so that it shows before the
 * app's code has arrived.
 */
export function SiteHeader() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          ITIL Foundation practice
        </NavLink>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/practice">Practice</NavLink>
            </li>
            <li>
              <NavLink to="/exam">Mock exam</NavLink>
            </li>
            <li>
              <NavLink to="/progress">Progress</NavLink>
            </li>
          </ul>
        </nav>
        <InstallButton />
      </header>
    </>
  );
}
