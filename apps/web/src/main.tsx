import '@mantine/core/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { refreshAccessToken } from './lib/session.js';

// A new tab or a reload: turn the refresh cookie (if any) into an access token, in parallel with the first render.
void refreshAccessToken();
createRoot(document.getElementById('root')!).render(<App />);
