import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateSupplierInput, SupplierForEditFragment, UpdateSupplierInput } from '../../gql/graphql.js';
import { getFragmentData } from '../../gql/index.js';
import { problemFrom, type ApiProblem } from '../../lib/api-errors.js';
import { sameValue, type ConflictState as GenericConflictState } from '../../lib/form-versions.js';
import { fieldMessage } from '../../lib/problem-messages.js';
import { ViewerQuery } from '../../lib/use-me.js';
import { CreateSupplierMutation, SupplierForEditFragmentDoc, SupplierForEditQuery, UpdateSupplierMutation } from './supplier-form-api.js';
import {
  conflictRows,
  defaultChoices,
  drafts,
  EMPTY_PROFILE,
  isUnchanged,
  mergeConflict,
  STEPS,
  stepOfField,
  toSupplierInput,
  validateAll,
  validateStep,
  valuesFromSupplier,
  type Choice,
  type FormProblem,
  type ProfileValues,
  type Step,
} from './profile-form.js';

export type ConflictState = GenericConflictState<ProfileValues>;

/** Answers kept beside the profile's values (drafted with them): the centre's onboarding record. */
export type ExtraValues = Record<string, string>;

/** How a form other than the SME's own uses the editor (the centre's staff entering a profile on an SME's behalf). */
export interface EditorOptions {
  justSavedVersion?: number | null;
  onSaved?: (version: number, supplierId: string) => void;
  /** Whose drafts: `supplier` (the SME's own form, the default) or another form's name, so the two never mix. */
  draftScope?: string;
  /** Answers beside the profile, with their starting values (drafted and restored with it). */
  extra?: ExtraValues;
  /** The form's own checks of those answers (fields as the API names them). */
  checkExtra?: (extra: ExtraValues) => FormProblem[];
  /** Creates the supplier instead of `createSupplier` (the centre's `createSupplierOnBehalf`). */
  create?: (input: CreateSupplierInput, extra: ExtraValues) => Promise<SupplierForEditFragment | undefined>;
}

interface Start {
  values: ProfileValues;
  extra: ExtraValues;
  base: ProfileValues | null;
  baseVersion: number | null;
  step: Step;
  restoredAt: string | null;
}

function start(supplierId: string | null, saved: SupplierForEditFragment | null, scope: string, extra: ExtraValues): Start {
  const savedValues = saved ? valuesFromSupplier(saved) : null;
  const draft = drafts.load(supplierId, undefined, scope);
  const draftExtra = { ...extra, ...draft?.extra };
  if (draft && !(isUnchanged(draft.values, draft.base ?? savedValues ?? EMPTY_PROFILE) && sameValue(draftExtra, extra))) {
    return {
      values: draft.values,
      extra: draftExtra,
      base: draft.base ?? savedValues,
      baseVersion: draft.baseVersion ?? saved?.version ?? null,
      step: draft.step,
      restoredAt: draft.savedAt,
    };
  }
  return {
    values: savedValues ?? EMPTY_PROFILE,
    extra,
    base: savedValues,
    baseVersion: saved?.version ?? null,
    step: 'company',
    restoredAt: null,
  };
}

/**
 * The supplier form's state: values as typed, the step, the draft kept in localStorage on every
 * change, saving at the version the member started from, and the CONFLICT and error handling.
 */
export function useProfileEditor(supplierId: string | null, saved: SupplierForEditFragment | null, options: EditorOptions = {}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const scope = options.draftScope ?? 'supplier';
  const [startExtra] = useState(() => options.extra ?? {});
  const [initial] = useState(() => start(supplierId, saved, scope, startExtra));
  const [values, setValues] = useState(initial.values);
  const [extra, setExtra] = useState(initial.extra);
  const [base, setBase] = useState(initial.base);
  const [baseVersion, setBaseVersion] = useState(initial.baseVersion);
  const [step, setStep] = useState<Step>(initial.step);
  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  const [checked, setChecked] = useState<FormProblem[]>([]);
  const [apiProblem, setApiProblem] = useState<ApiProblem>();
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(options.justSavedVersion ?? null);
  const [createSupplier, created] = useMutation(CreateSupplierMutation);
  const [updateSupplier, updated] = useMutation(UpdateSupplierMutation);

  // Every change is kept locally until it is saved (drafts only: never the session).
  useEffect(() => {
    if (isUnchanged(values, base ?? EMPTY_PROFILE) && sameValue(extra, startExtra)) drafts.clear(supplierId, undefined, scope);
    else drafts.save(supplierId, { values, base, baseVersion, step, extra }, undefined, undefined, scope);
  }, [supplierId, values, base, baseVersion, step, extra, startExtra, scope]);

  const setField = useCallback(<K extends keyof ProfileValues>(field: K, value: ProfileValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSavedVersion(null);
  }, []);

  const setExtraField = useCallback((field: string, value: string) => {
    setExtra((current) => ({ ...current, [field]: value }));
  }, []);

  const discardDraft = useCallback(() => {
    const fresh = saved ? valuesFromSupplier(saved) : EMPTY_PROFILE;
    drafts.clear(supplierId, undefined, scope);
    setValues(fresh);
    setExtra(startExtra);
    setBase(saved ? fresh : null);
    setBaseVersion(saved?.version ?? null);
    setRestoredAt(null);
    setStep('company');
  }, [saved, supplierId, scope, startExtra]);

  /** Moves to another step; forward only when the current step is complete. */
  const goTo = useCallback(
    (next: Step) => {
      if (STEPS.indexOf(next) > STEPS.indexOf(step)) {
        const problems = validateStep(step, values);
        setChecked(problems);
        if (problems.length) return false;
      }
      setChecked([]);
      setStep(next);
      return true;
    },
    [step, values],
  );

  const save = useCallback(
    async (override?: { values: ProfileValues; version: number | null }) => {
      const current = override?.values ?? values;
      const version = override ? override.version : baseVersion;
      const problems = [...(options.checkExtra?.(extra) ?? []), ...validateAll(current)];
      setChecked(problems);
      setApiProblem(undefined);
      if (problems.length) {
        setStep(stepOfField(problems[0]!.field));
        return;
      }
      const input = toSupplierInput(current);
      try {
        let result: SupplierForEditFragment | undefined;
        if (supplierId && version !== null) {
          const { taxCode: _fixed, ...changes } = input;
          result = getFragmentData(
            SupplierForEditFragmentDoc,
            (await updateSupplier({ variables: { input: { ...changes, id: supplierId, version } as UpdateSupplierInput } })).data
              ?.updateSupplier,
          );
        } else if (options.create) {
          result = await options.create(input as CreateSupplierInput, extra);
        } else {
          result = getFragmentData(
            SupplierForEditFragmentDoc,
            (
              await createSupplier({
                variables: { input: input as CreateSupplierInput },
                refetchQueries: [ViewerQuery],
                awaitRefetchQueries: true,
              })
            ).data?.createSupplier,
          );
        }
        if (!result) return;
        const savedValues = valuesFromSupplier(result);
        drafts.clear(supplierId, undefined, scope);
        setValues(savedValues);
        setBase(savedValues);
        setBaseVersion(result.version);
        setSavedVersion(result.version);
        setRestoredAt(null);
        options.onSaved?.(result.version, result.id);
      } catch (error) {
        const problem = problemFrom(error);
        setApiProblem(problem);
        if (problem.code === 'BAD_USER_INPUT' && problem.fields[0]) setStep(stepOfField(problem.fields[0].field));
        if (problem.code === 'CONFLICT' && supplierId) {
          const latest = await client.query({ query: SupplierForEditQuery, variables: { id: supplierId }, fetchPolicy: 'network-only' });
          const theirsFragment = getFragmentData(SupplierForEditFragmentDoc, latest.data?.supplier);
          if (theirsFragment) {
            const theirs = valuesFromSupplier(theirsFragment);
            const rows = conflictRows(base, current, theirs);
            setConflict({ rows, theirs, theirsVersion: theirsFragment.version, choices: defaultChoices(rows) });
          }
        }
      }
    },
    [values, extra, baseVersion, supplierId, updateSupplier, createSupplier, client, base, options, scope],
  );

  const choose = useCallback((field: string, choice: Choice) => {
    setConflict((current) => (current ? { ...current, choices: { ...current.choices, [field]: choice } } : current));
  }, []);
  const chooseAll = useCallback((choice: Choice) => {
    setConflict((current) =>
      current ? { ...current, choices: Object.fromEntries(current.rows.map((row) => [row.field, choice])) } : current,
    );
  }, []);

  /** Continues from the saved version with the member's choices, and saves at that version. */
  const resolveConflict = useCallback(async () => {
    if (!conflict) return;
    const merged = mergeConflict(values, conflict.theirs, conflict.choices);
    setValues(merged);
    setBase(conflict.theirs);
    setBaseVersion(conflict.theirsVersion);
    setConflict(null);
    setApiProblem(undefined);
    await save({ values: merged, version: conflict.theirsVersion });
  }, [conflict, values, save]);

  /** The message for a field: the form's own check first, then the API's answer, in the reader's language. */
  const errorFor = useCallback(
    (field: string, options: { list?: boolean } = {}): string | undefined => {
      const own = checked.find((problem) => problem.field === field);
      if (own) return t(`sme.check.${own.key}`);
      const fromApi = apiProblem?.fields.find(
        (problem) => problem.field === field || (options.list && problem.field.startsWith(`${field}.`)),
      );
      return fromApi ? fieldMessage(t, apiProblem, fromApi.field) : undefined;
    },
    [checked, apiProblem, t],
  );

  const saving = created.loading || updated.loading;
  return useMemo(
    () => ({
      values,
      setField,
      setValues,
      extra,
      setExtraField,
      step,
      goTo,
      save,
      saving,
      savedVersion,
      baseVersion,
      apiProblem,
      checked,
      conflict,
      choose,
      chooseAll,
      resolveConflict,
      errorFor,
      restoredAt,
      discardDraft,
    }),
    [
      values,
      setField,
      extra,
      setExtraField,
      step,
      goTo,
      save,
      saving,
      savedVersion,
      baseVersion,
      apiProblem,
      checked,
      conflict,
      choose,
      chooseAll,
      resolveConflict,
      errorFor,
      restoredAt,
      discardDraft,
    ],
  );
}

export type ProfileEditor = ReturnType<typeof useProfileEditor>;
