import { Anchor, Box, Container, Group, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { createI18n } from '../../i18n/index.js';
import { isLang, LANGUAGE_NAMES, LANGUAGES, rememberedLang, rememberLang, type Lang } from '../../i18n/languages.js';
import { signOut } from '../../lib/session.js';
import { useSession } from '../../lib/use-session.js';
import classes from './lang-layout.module.css';

const i18n = createI18n(rememberedLang());

/** Every page's frame: the language from the URL, the header with navigation and the language menu. */
export function LangLayout() {
  const { lang } = useParams();
  const location = useLocation();
  if (!isLang(lang)) return <Navigate to={`/${rememberedLang()}${location.pathname}${location.search}`} replace />;
  return <LangFrame lang={lang} />;
}

function LangFrame({ lang }: { lang: Lang }) {
  useMemo(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    rememberLang(lang);
  }, [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <Header lang={lang} />
      <Container size="lg" component="main" id="main" px={{ base: 'sm', sm: 'md' }} pb="xl">
        <Outlet />
      </Container>
    </I18nextProvider>
  );
}

function Header({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const switchTo = (next: string) => {
    const rest = location.pathname.replace(/^\/[^/]+/, '');
    void navigate(`/${next}${rest}${location.search}`);
  };
  return (
    <Box component="header" className={classes.header}>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Container size="lg" px={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" py="xs" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/${lang}`} fw={700} c="inherit" underline="never" className={classes.brand}>
            {t('app.name')}
          </Anchor>
          <Group gap="sm" component="nav" aria-label={t('app.menu')} wrap="wrap">
            <Anchor component={Link} to={`/${lang}`} size="sm">
              {t('app.nav.directory')}
            </Anchor>
            {state.status === 'signed-in' ? (
              <>
                <Anchor component={Link} to={`/${lang}/my-supplier`} size="sm">
                  {t('app.nav.mySupplier')}
                </Anchor>
                <Anchor component={Link} to={`/${lang}/inbox`} size="sm">
                  {t('app.nav.inbox')}
                </Anchor>
                <Anchor component={Link} to={`/${lang}/needs`} size="sm">
                  {t('app.nav.needs')}
                </Anchor>
                <Anchor component={Link} to={`/${lang}/account`} size="sm">
                  {t('app.nav.account')}
                </Anchor>
                <Anchor component="button" type="button" size="sm" onClick={() => void signOut().then(() => navigate(`/${lang}`))}>
                  {t('app.nav.signOut')}
                </Anchor>
              </>
            ) : (
              <>
                <Anchor component={Link} to={`/${lang}/sign-in`} size="sm">
                  {t('app.nav.signIn')}
                </Anchor>
                <Anchor component={Link} to={`/${lang}/register`} size="sm">
                  {t('app.nav.register')}
                </Anchor>
              </>
            )}
            <NativeSelect
              size="xs"
              aria-label={t('app.language')}
              value={lang}
              onChange={(event) => switchTo(event.currentTarget.value)}
              data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
            />
          </Group>
        </Group>
        <VisuallyHidden>
          <Text>{t('app.tagline')}</Text>
        </VisuallyHidden>
      </Container>
    </Box>
  );
}
