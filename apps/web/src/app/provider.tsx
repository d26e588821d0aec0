import { ApolloProvider } from '@apollo/client/react';
import { createTheme, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { apolloClient } from '../lib/apollo.js';

const theme = createTheme({
  fontFamily: 'var(--hp-font)',
  headings: { fontFamily: 'var(--hp-font)' },
  primaryColor: 'blue',
  // Darker shade of the primary colour so white text on buttons passes WCAG AA contrast.
  primaryShade: 8,
});

/**
 * The nonce the server put in the page for Mantine's own <style> elements: the page's CSP allows
 * style elements with this nonce only (scripts come from 'self', never inline).
 */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="hp-style-nonce"]')?.content ?? '';
}

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} getStyleNonce={styleNonce}>
      <ApolloProvider client={apolloClient()}>{children}</ApolloProvider>
    </MantineProvider>
  );
}
