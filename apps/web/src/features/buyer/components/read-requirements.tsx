import { useLazyQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.js';
import { useLang } from '../../../i18n/use-lang.js';
import { SuggestNeedSpecQuery } from '../api/needs.js';
import { requirementSuggestions, type RequirementSuggestion } from '../requirements.js';
import type { NeedEditor } from '../use-need-editor.js';

/**
 * "Read requirements from the text": the API reads the title and description; each requirement it
 * found is shown with the words it came from marked in the text, to confirm (into the form) or dismiss.
 */
export function ReadRequirements({ editor }: { editor: NeedEditor }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [read, { data, loading }] = useLazyQuery(SuggestNeedSpecQuery);
  const [readText, setReadText] = useState('');
  const [decided, setDecided] = useState<Record<string, 'confirmed' | 'dismissed'>>({});
  const text = [editor.values.title, editor.values.description].filter((part) => part.trim()).join('\n');
  const suggestions = useMemo(() => (data ? requirementSuggestions(data.suggestNeedSpec) : []), [data]);
  const pending = suggestions.filter((s) => !decided[s.id]);
  const confirm = (s: RequirementSuggestion) => {
    const v = editor.values;
    if (s.kind === 'processes' || s.kind === 'materials' || s.kind === 'certifications') {
      if (!v[s.kind].includes(s.code!)) editor.setField(s.kind, [...v[s.kind], s.code!]);
    } else if (s.kind === 'quantity') {
      editor.setField('quantity', String(Math.round(s.value!)));
      if (s.unit) editor.setField('quantityUnit', s.unit);
    } else editor.setField(s.kind, String(s.value));
    setDecided((d) => ({ ...d, [s.id]: 'confirmed' }));
  };
  const describe = (s: RequirementSuggestion) => {
    if (s.label) return `${t(`buyer.form.${s.kind}`)}: ${s.label}`;
    const unit =
      s.kind === 'quantity'
        ? t(`enums.unit.${s.unit ?? 'PCS'}`)
        : t(`buyer.suffix.${s.kind as 'toleranceMm' | 'maxLeadTimeDays' | 'maxDistanceKm'}`);
    return `${t(`buyer.form.${s.kind}`)}: ${formatNumber(lang, s.value!)} ${unit}`;
  };
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="read-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="read-title">
          {t('buyer.read.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {text ? t('buyer.read.hint') : t('buyer.read.empty')}
        </Text>
        <Group>
          <Button
            variant="light"
            disabled={!text}
            loading={loading}
            onClick={() => {
              setReadText(text);
              setDecided({});
              void read({ variables: { text: text.slice(0, 5000), lang } });
            }}
          >
            {t('buyer.read.run')}
          </Button>
        </Group>
        {data && suggestions.length === 0 ? <Text size="sm">{t('buyer.read.none')}</Text> : null}
        {data && pending.length > 0 ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="read-source">
            <Marked text={readText} spans={pending.flatMap((s) => s.spans)} />
          </Text>
        ) : null}
        {suggestions.length > 0 ? (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('buyer.read.list')}>
            {suggestions.map((s) => (
              <Group key={s.id} component="li" gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {describe(s)}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('buyer.read.from', { words: s.spans.map((span) => span.text).join('”, “') })}
                </Text>
                {decided[s.id] ? (
                  <Badge color={decided[s.id] === 'confirmed' ? 'teal.9' : 'gray.8'} variant="outline">
                    {t(`buyer.read.${decided[s.id]!}`)}
                  </Badge>
                ) : (
                  <Group gap={4}>
                    <Button size="compact-sm" onClick={() => confirm(s)} aria-label={t('buyer.read.confirmLabel', { what: describe(s) })}>
                      {t('buyer.read.confirm')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setDecided((d) => ({ ...d, [s.id]: 'dismissed' }))}
                      aria-label={t('buyer.read.dismissLabel', { what: describe(s) })}
                    >
                      {t('buyer.read.dismiss')}
                    </Button>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The text with the given spans (UTF-16 offsets) marked. */
function Marked({ text, spans }: { text: string; spans: Array<{ start: number; end: number }> }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end > text.length) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), marked: false });
    parts.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>));
}
