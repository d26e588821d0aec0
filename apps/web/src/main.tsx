import './app/start-session.js';
import '@mantine/core/styles.css';
import './app/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';

createRoot(document.getElementById('root')!).render(<App />);
