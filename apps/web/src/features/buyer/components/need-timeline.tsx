import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { NeedHistoryQuery, NeedIntroductionsQuery } from '../api/needs.js';

const ACTIONS = [
  'CREATED',
  'UPDATED',
  'PUBLISHED',
  'SHORTLISTED',
  'INVITED',
  'ACCEPTED',
  'DECLINED',
  'BUYER_REVEALED',
  'AWARDED',
  'CLOSED',
] as const;

/**
 * The need's history (who did what, when), newest last. It fetches again when `revision` changes
 * (the need's version, its introductions' statuses) and stays mounted meanwhile, so the section a
 * reader is looking at (or a keyboard user is in) does not vanish and come back after each action.
 */
export function NeedTimeline({ needId, revision }: { needId: string; revision: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useQuery(NeedHistoryQuery, { variables: { needId }, fetchPolicy: 'cache-and-network' });
  // the match view's (its loader asks them fresh as the page opens, and every change refetches them)
  const introductions = useQuery(NeedIntroductionsQuery, { variables: { needId } });
  const seen = useRef(revision);
  const { refetch: refetchHistory } = history;
  const { refetch: refetchIntroductions } = introductions;
  useEffect(() => {
    if (seen.current === revision) return;
    seen.current = revision;
    void refetchHistory();
    void refetchIntroductions();
  }, [revision, refetchHistory, refetchIntroductions]);
  const supplierOf = new Map((introductions.data?.needIntroductions ?? []).map((i) => [i.id, i.supplierName]));
  const events = history.data?.needHistory ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        {t('buyer.timeline.title')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm">{t('buyer.timeline.empty')}</Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} color="blue.9">
          {events.map((event, index) => {
            const known = (ACTIONS as readonly string[]).includes(event.action);
            const supplier = event.introductionId ? supplierOf.get(event.introductionId) : undefined;
            return (
              <Timeline.Item
                key={`${event.at}-${index}`}
                title={known ? t(`buyer.timeline.actions.${event.action as (typeof ACTIONS)[number]}`) : event.action}
              >
                <Text size="sm" c="gray.7">
                  <time dateTime={event.at}>{formatDateTime(lang, event.at)}</time>
                  {supplier ? ` · ${supplier}` : ''}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
