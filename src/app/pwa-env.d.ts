// Types for virtual:pwa-register/react (src/app/reload-prompt.tsx).
/// <reference types="vite-plugin-pwa/react" />
