import { refreshAccessToken } from '../lib/session.js';

// A new tab or a reload: turn the refresh cookie (if any) into an access token. Imported first by
// main.tsx, so this request leaves before the router (created when its module loads) starts
// fetching the page's code: the browser opens at most six connections to the server, and the page's
// queries wait for this token, not for the code.
void refreshAccessToken();
