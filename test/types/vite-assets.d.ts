// Tests render the window's letter preview (renderer/features/letters/DocPreview.tsx), which imports its font the
// Vite way (`…ttf?url`) and adds it to `document.fonts`: Vite's declarations and DOM.Iterable, as
// renderer/tsconfig.json has them.
/// <reference types="vite/client" />
/// <reference lib="dom.iterable" />
