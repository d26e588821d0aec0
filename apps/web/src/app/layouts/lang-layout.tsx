import { Anchor, Box, Burger, Container, Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useNavigation, useParams } from 'react-router';
import { i18n } from '../../i18n/instance.js';
import { isLang, LANGUAGE_NAMES, LANGUAGES, rememberedLang, rememberLang, type Lang } from '../../i18n/languages.js';
import { LangContext } from '../../i18n/use-lang.js';
import { signOut } from '../../lib/session.js';
import { isNewcomer, useMe } from '../../lib/use-me.js';
import classes from './lang-layout.module.css';

/** Every page's frame: the language from the URL, the header with navigation and the language menu. */
export function LangLayout() {
  const { lang } = useParams();
  const location = useLocation();
  if (!isLang(lang)) return <Navigate to={`/${rememberedLang()}${location.pathname}${location.search}`} replace />;
  return <LangFrame lang={lang} />;
}

// The `/:lang` route's loader has loaded the language's messages before this renders.
const LangFrame = memo(function LangFrame({ lang }: { lang: Lang }) {
  useMemo(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    rememberLang(lang);
  }, [lang]);
  return (
    <I18nextProvider i18n={i18n}>
      <LangContext.Provider value={lang}>
        <PageDrawnMark lang={lang} />
        <Header lang={lang} />
        <Container size="lg" component="main" id="main" px={{ base: 'sm', sm: 'md' }} pb="xl">
          <Outlet />
        </Container>
      </LangContext.Provider>
    </I18nextProvider>
  );
});

/**
 * Names on `<html data-page="/vi/analytics?…">` the page that is drawn, once the router has loaded
 * it (code and loaders) and it is in its language: something outside the app (the browser tests, a
 * benchmark) that navigates inside it can tell the new page from the one before. A page's own
 * queries may still be loading; they show `[data-spinner]` until they are in.
 */
function PageDrawnMark({ lang }: { lang: Lang }) {
  const { i18n: current } = useTranslation();
  const navigation = useNavigation();
  const location = useLocation();
  const drawn = navigation.state === 'idle' && current.language === lang;
  useEffect(() => {
    if (drawn) document.documentElement.dataset.page = `${location.pathname}${location.search}`;
    // `location` itself, not its path: opening the same address again marks it again
  }, [drawn, location]);
  return null;
}

/**
 * The router's hooks (location, navigate) render their caller again at each step of every
 * navigation: they stay in this thin part, and what it draws (`HeaderView`, memoised, with callbacks
 * that do not change) renders again only when the language or the phone menu's state does.
 */
function Header({ lang }: { lang: Lang }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  // A link followed from the phone menu closes it.
  useEffect(close, [location.pathname, close]);
  const where = useRef(location);
  where.current = location;
  const switchTo = useCallback(
    (next: string) => {
      const { pathname, search } = where.current;
      void navigate(`/${next}${pathname.replace(/^\/[^/]+/, '')}${search}`);
    },
    [navigate],
  );
  const signOutHere = useCallback(() => void signOut().then(() => navigate(`/${lang}`)), [navigate, lang]);
  return <HeaderView lang={lang} opened={opened} toggle={toggle} switchTo={switchTo} signOut={signOutHere} />;
}

const HeaderView = memo(function HeaderView({
  lang,
  opened,
  toggle,
  switchTo,
  signOut,
}: {
  lang: Lang;
  opened: boolean;
  toggle: () => void;
  switchTo: (lang: string) => void;
  signOut: () => void;
}) {
  const { t } = useTranslation();
  const language = (
    <NativeSelect
      size="xs"
      miw={116}
      aria-label={t('app.language')}
      value={lang}
      onChange={(event) => switchTo(event.currentTarget.value)}
      data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
    />
  );
  return (
    <Box component="header" className={classes.header}>
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Container size="lg" px={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" py="xs" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/${lang}`} fw={700} c="inherit" underline="never" className={classes.brand}>
            {t('app.name')}
          </Anchor>
          <Group gap="sm" component="nav" aria-label={t('app.menu')} wrap="wrap" justify="flex-end" visibleFrom="md">
            <MenuLinks lang={lang} onSignOut={signOut} />
            {language}
          </Group>
          <Group gap="xs" hiddenFrom="md" wrap="nowrap">
            {language}
            <Burger
              opened={opened}
              onClick={toggle}
              size="sm"
              aria-label={t('app.menu')}
              aria-expanded={opened}
              aria-controls="phone-menu"
            />
          </Group>
        </Group>
        {opened ? (
          <Stack component="nav" id="phone-menu" aria-label={t('app.menu')} gap={0} pb="xs" hiddenFrom="md">
            <MenuLinks lang={lang} className={classes.phoneLink} onSignOut={signOut} />
          </Stack>
        ) : null}
        <VisuallyHidden>
          <Text>{t('app.tagline')}</Text>
        </VisuallyHidden>
      </Container>
    </Box>
  );
});

/**
 * The menu follows who is signed in: supplier pages for supplier members, sourcing needs for buyer
 * members, the dashboards for analysts and the console for the centre's staff (ADMIN, and STAFF for
 * onboarding). A member of no company yet is offered to register as a supplier (the same page, empty);
 * a buyer's member or the centre's people are not, where "company profile" would read as their own
 * company and open an empty supplier form (the page itself follows the same rule: isSupplierSide). The API decides what they may see; this only avoids
 * offering what would be refused or make no sense. On a phone each entry is a full-width row
 * (`className`), tall enough to tap.
 */
function MenuLinks({ lang, className, onSignOut }: { lang: Lang; className?: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const link = (to: string, label: string) => (
    <Anchor component={Link} to={`/${lang}${to}`} size="sm" key={to} className={className}>
      {label}
    </Anchor>
  );
  if (me.status === 'anonymous' || me.status === 'loading')
    return (
      <>
        {link('', t('app.nav.directory'))}
        {me.status === 'anonymous' ? [link('/sign-in', t('app.nav.signIn')), link('/register', t('app.nav.register'))] : null}
      </>
    );
  const supplierMember = me.supplierIds.length > 0;
  return (
    <>
      {link('', t('app.nav.directory'))}
      {supplierMember
        ? [
            link('/my-supplier', t('app.nav.mySupplier')),
            link('/inbox', t('app.nav.inbox')),
            link('/needs', t('app.nav.needs')),
            link('/qualify', t('app.nav.qualify')),
          ]
        : null}
      {isNewcomer(me) ? link('/my-supplier', t('app.nav.registerSupplier')) : null}
      {me.buyerIds.length > 0 ? link('/buyer/needs', t('app.nav.buyerNeeds')) : null}
      {me.isAnalyst ? link('/analytics', t('app.nav.analytics')) : null}
      {me.isCentreStaff ? link('/console', t('app.nav.console')) : null}
      {link('/account', t('app.nav.account'))}
      <Anchor component="button" type="button" size="sm" className={className} onClick={onSignOut}>
        {t('app.nav.signOut')}
      </Anchor>
    </>
  );
}
