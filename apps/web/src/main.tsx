import { sessionRequestSent } from './app/start-session.js';
import '@mantine/core/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { loadCjkFonts } from './i18n/cjk-fonts.js';
import { loadLanguage } from './i18n/instance.js';
import { isLang } from './i18n/languages.js';
import { whenIdle } from './lib/when-idle.js';

// The page's language from its address, asked for now rather than when the router's first load runs
// its loader (after the page's chunks: ≈ 0.4 s later with 4× CPU throttling); the loader finds it in flight.
const [, lang, page] = location.pathname.split('/');
if (isLang(lang)) {
  void loadLanguage(lang, 'core');
  if (page) void loadLanguage(lang, 'pages'); // any page but the directory waits for its words too
}

void sessionRequestSent.then(() => createRoot(document.getElementById('root')!).render(<App />));
// The Japanese and Korean fonts' declarations (≈ 500 rules), off the first render's path: once the page
// has loaded and the main thread is idle (the ja and ko core messages wait for them before their first
// render). Asked for at start, their parsing held the session refresh back by ≈ 0.5 s (4× throttling).
addEventListener('load', () => whenIdle(() => void loadCjkFonts(), 5000), { once: true });
