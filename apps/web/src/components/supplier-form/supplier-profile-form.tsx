import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../i18n/format.js';
import { useLang } from '../../i18n/use-lang.js';
import { problemMessage } from '../../lib/problem-messages.js';
import { EMPTY_CERTIFICATE, EMPTY_EQUIPMENT, STEPS, type CertificateValues, type EquipmentValues, type Step } from './profile-form.js';
import type { ProfileEditor } from './use-profile-editor.js';
import { CountryPicker, LanguagePicker } from './code-pickers.js';
import { ConflictPanel } from './conflict-panel.js';
import { SuggestCapabilities } from './suggest-capabilities.js';
import { TaxCodeInput } from './tax-code-input.js';
import { TaxonomyMultiPicker, TaxonomyPicker } from '../taxonomy-picker.js';
import { DateField } from '../date-field.js';
import { KeptMessage } from '../keep-together.js';

const EQUIPMENT_KINDS = [
  'CNC_MACHINING_CENTRE',
  'CNC_LATHE',
  'CONVENTIONAL_MACHINE_TOOL',
  'GRINDER',
  'WIRE_EDM',
  'SINKER_EDM',
  'PRESS',
  'PRESS_BRAKE',
  'LASER_CUTTER',
  'WELDING_ROBOT',
  'INJECTION_MOULDING_MACHINE',
  'DIE_CASTING_MACHINE',
  'FURNACE',
  'PLATING_LINE',
  'PAINT_LINE',
  'SMT_LINE',
  'WAVE_SOLDERING',
  'WIRE_PROCESSING',
  'CMM',
  'OTHER',
] as const;
const UNITS = ['PCS', 'KG', 'TONNES', 'METRES', 'SQUARE_METRES', 'SETS', 'MACHINE_HOURS'] as const;

interface Props {
  editor: ProfileEditor;
  supplierId: string | null;
}

/** The supplier profile, step by step; every field carries its own error, from the form or the API. */
export function ProfileForm({ editor, supplierId }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { values, setField, errorFor, step } = editor;
  const index = STEPS.indexOf(step);
  // A new step takes the focus to its heading, so keyboard and screen-reader users start at its top.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current !== step) heading.current?.focus();
    shownStep.current = step;
  }, [step]);
  const last = index === STEPS.length - 1;
  const text = (
    field: keyof typeof values,
    apiField: string = field,
    props: { type?: string; inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url'; autoComplete?: string; required?: boolean } = {},
  ) => (
    <TextInput
      label={t(`sme.field.${field}`)}
      value={values[field] as string}
      onChange={(event) => setField(field, event.currentTarget.value)}
      error={errorFor(apiField)}
      {...props}
    />
  );

  const sections: Record<Step, ReactNode> = {
    company: (
      <Stack gap="sm">
        {text('nameVi', 'nameVi', { required: true, autoComplete: 'organization' })}
        {text('tradeNameEn')}
        <TaxCodeInput
          value={values.taxCode}
          onChange={(value) => setField('taxCode', value)}
          error={errorFor('taxCode')}
          readOnly={supplierId !== null}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('foundedYear', 'foundedYear', { inputMode: 'numeric' })}
          {text('employees', 'employees', { inputMode: 'numeric' })}
        </SimpleGrid>
        {text('website', 'website', { type: 'url', inputMode: 'url' })}
        <Textarea
          label={t('sme.field.descriptionVi')}
          value={values.descriptionVi}
          onChange={(event) => setField('descriptionVi', event.currentTarget.value)}
          error={errorFor('descriptionVi')}
          autosize
          minRows={3}
        />
        <Textarea
          label={t('sme.field.descriptionEn')}
          value={values.descriptionEn}
          onChange={(event) => setField('descriptionEn', event.currentTarget.value)}
          error={errorFor('descriptionEn')}
          autosize
          minRows={3}
        />
      </Stack>
    ),
    location: (
      <Stack gap="sm">
        <TaxonomyPicker
          kind="ZONE"
          label={t('sme.field.zoneCode')}
          value={values.zoneCode}
          onChange={(value) => setField('zoneCode', value)}
          error={errorFor('zoneCode')}
        />
        {text('street', 'address.street', { autoComplete: 'street-address' })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('ward', 'address.ward')}
          {text('province', 'address.province')}
        </SimpleGrid>
      </Stack>
    ),
    capabilities: (
      <Stack gap="sm">
        <SuggestCapabilities editor={editor} />
        <TaxonomyMultiPicker
          kind="PROCESS"
          label={t('sme.field.processes')}
          value={values.processes}
          onChange={(value) => setField('processes', value)}
          error={errorFor('processes', { list: true })}
          required
        />
        <TaxonomyMultiPicker
          kind="MATERIAL"
          label={t('sme.field.materials')}
          value={values.materials}
          onChange={(value) => setField('materials', value)}
          error={errorFor('materials', { list: true })}
        />
        <TaxonomyMultiPicker
          kind="PRODUCT_GROUP"
          label={t('sme.field.productGroups')}
          value={values.productGroups}
          onChange={(value) => setField('productGroups', value)}
          error={errorFor('productGroups', { list: true })}
        />
      </Stack>
    ),
    certificates: (
      <Rows
        items={values.certifications}
        onChange={(items) => setField('certifications', items)}
        blank={EMPTY_CERTIFICATE}
        labels={{
          add: t('sme.certificates.add'),
          none: t('sme.certificates.none'),
          item: (n) => t('sme.certificates.item', { n }),
          remove: (n) => t('sme.certificates.remove', { n }),
        }}
        render={(item, i, update) => (
          <>
            <TaxonomyPicker
              kind="CERTIFICATION"
              label={t('sme.field.certificateCode')}
              value={item.code}
              onChange={(code) => update({ code })}
              error={errorFor(`certifications.${i}.code`)}
              required
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('sme.field.certificateNumber')}
                value={item.certificateNumber}
                onChange={(e) => update({ certificateNumber: e.currentTarget.value })}
                error={errorFor(`certifications.${i}.certificateNumber`)}
              />
              <TextInput
                label={t('sme.field.issuingBody')}
                value={item.issuingBody}
                onChange={(e) => update({ issuingBody: e.currentTarget.value })}
                error={errorFor(`certifications.${i}.issuingBody`)}
              />
              <DateField
                label={t('sme.field.validFrom')}
                value={item.validFrom}
                onChange={(day) => update({ validFrom: day })}
                error={errorFor(`certifications.${i}.validFrom`)}
              />
              <DateField
                label={t('sme.field.validUntil')}
                value={item.validUntil}
                onChange={(day) => update({ validUntil: day })}
                error={errorFor(`certifications.${i}.validUntil`)}
              />
            </SimpleGrid>
          </>
        )}
      />
    ),
    equipment: (
      <Rows
        items={values.equipment}
        onChange={(items) => setField('equipment', items)}
        blank={EMPTY_EQUIPMENT}
        labels={{
          add: t('sme.equipment.add'),
          none: t('sme.equipment.none'),
          item: (n) => t('sme.equipment.item', { n }),
          remove: (n) => t('sme.equipment.remove', { n }),
        }}
        render={(item: EquipmentValues, i, update) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('sme.field.equipmentKind')}
              value={item.kind}
              onChange={(e) => update({ kind: e.currentTarget.value })}
              data={[
                { value: '', label: '—' },
                ...EQUIPMENT_KINDS.map((kind) => ({ value: kind, label: t(`sme.equipment.kind.${kind}`) })),
              ]}
              error={errorFor(`equipment.${i}.kind`)}
              required
            />
            <TextInput
              label={t('sme.field.equipmentCount')}
              inputMode="numeric"
              value={item.count}
              onChange={(e) => update({ count: e.currentTarget.value })}
              error={errorFor(`equipment.${i}.count`)}
            />
            <TextInput
              label={t('sme.field.maker')}
              value={item.maker}
              onChange={(e) => update({ maker: e.currentTarget.value })}
              error={errorFor(`equipment.${i}.maker`)}
            />
            <TextInput
              label={t('sme.field.model')}
              value={item.model}
              onChange={(e) => update({ model: e.currentTarget.value })}
              error={errorFor(`equipment.${i}.model`)}
            />
          </SimpleGrid>
        )}
      />
    ),
    terms: (
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('capacityValue', 'monthlyCapacity.value', { inputMode: 'decimal' })}
          <NativeSelect
            label={t('sme.field.capacityUnit')}
            value={values.capacityUnit}
            onChange={(e) => setField('capacityUnit', e.currentTarget.value)}
            data={UNITS.map((unit) => ({ value: unit, label: t(`enums.unit.${unit}`) }))}
            error={errorFor('monthlyCapacity.unit')}
          />
          {text('minimumOrderQuantity', 'minimumOrderQuantity', { inputMode: 'numeric' })}
          {text('leadTimeDays', 'leadTimeDays', { inputMode: 'numeric' })}
          {text('bestToleranceMm', 'bestToleranceMm', { inputMode: 'decimal' })}
        </SimpleGrid>
        <CountryPicker
          label={t('sme.field.exportMarkets')}
          value={values.exportMarkets}
          onChange={(value) => setField('exportMarkets', value)}
          error={errorFor('exportMarkets', { list: true })}
        />
        <LanguagePicker
          label={t('sme.field.languages')}
          value={values.languages}
          onChange={(value) => setField('languages', value)}
          error={errorFor('languages', { list: true })}
        />
      </Stack>
    ),
    contacts: (
      <Stack gap="sm">
        {text('contactName', 'contact.name', { autoComplete: 'name' })}
        {text('contactEmail', 'contact.email', { type: 'email', inputMode: 'email', autoComplete: 'email' })}
        {text('contactPhone', 'contact.phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
      </Stack>
    ),
  };

  const problem = editor.apiProblem;
  return (
    <Stack gap="md">
      {editor.restoredAt ? (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t('sme.draftRestored', { time: formatDate(lang, editor.restoredAt) })}</Text>
            <Button size="compact-sm" variant="subtle" onClick={editor.discardDraft}>
              {t('sme.discardDraft')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <ConflictPanel editor={editor} />
      <Stepper active={index} onStepClick={(i) => editor.goTo(STEPS[i]!)} size="sm" visibleFrom="sm" aria-label={t('sme.title')}>
        {STEPS.map((name) => (
          <Stepper.Step key={name} label={t(`sme.steps.${name}`)} />
        ))}
      </Stepper>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (last) void editor.save();
          else editor.goTo(STEPS[index + 1]!);
        }}
      >
        <Stack gap="md">
          <div>
            <Text size="sm" c="gray.7">
              {t('sme.stepOf', { step: index + 1, total: STEPS.length })}
            </Text>
            <Title order={2} size="h3" ref={heading} tabIndex={-1}>
              {t(`sme.steps.${step}`)}
            </Title>
          </div>
          {sections[step]}
          <div aria-live="polite">
            {editor.checked.length > 0 ? <Alert color="red">{t('sme.fixBeforeNext')}</Alert> : null}
            {problem && problem.code !== 'CONFLICT' ? (
              <Alert color="red">{problem.code === 'NETWORK' ? t('sme.networkKept') : problemMessage(t, problem)}</Alert>
            ) : null}
            {editor.savedVersion !== null && supplierId ? (
              <Alert color="green">
                <Group gap="xs" wrap="wrap">
                  <Text size="sm">
                    <KeptMessage i18nKey="sme.saved" values={{ version: editor.savedVersion }} />
                  </Text>
                  <Button component={Link} to={`/${lang}/suppliers/${supplierId}`} size="compact-sm" variant="subtle">
                    {t('sme.viewPublic')}
                  </Button>
                </Group>
              </Alert>
            ) : null}
          </div>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Button variant="default" disabled={index === 0} onClick={() => editor.goTo(STEPS[index - 1]!)}>
              {t('sme.back')}
            </Button>
            <Group gap="xs">
              {supplierId && !last ? (
                <Button variant="light" loading={editor.saving} onClick={() => void editor.save()}>
                  {t('sme.save')}
                </Button>
              ) : null}
              <Button type="submit" loading={last && editor.saving}>
                {last ? t('sme.save') : t('sme.next')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

interface RowsProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  labels: { add: string; none: string; item: (n: number) => string; remove: (n: number) => string };
  render: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
}

/** A list of repeated groups of fields (certificates, equipment), each removable, with an add button. */
function Rows<T extends CertificateValues | EquipmentValues>({ items, onChange, blank, labels, render }: RowsProps<T>) {
  return (
    <Stack gap="sm">
      {items.length === 0 ? <Text size="sm">{labels.none}</Text> : null}
      {items.map((item, i) => (
        <Fieldset key={i} legend={labels.item(i + 1)}>
          <Stack gap="sm">
            {render(item, i, (patch) => onChange(items.map((current, j) => (j === i ? { ...current, ...patch } : current))))}
            <Group>
              <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                {labels.remove(i + 1)}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...items, { ...blank }])}>
          {labels.add}
        </Button>
      </Group>
    </Stack>
  );
}
