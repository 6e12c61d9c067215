import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n, initialLanguage } from './i18n/index.ts';
import './styles.css';

initI18n(initialLanguage(navigator.languages));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
