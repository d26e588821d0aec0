import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedForEditFragment } from '../../gql/graphql.js';
import { getFragmentData } from '../../gql/index.js';
import { problemFrom, type ApiProblem } from '../../lib/api-errors.js';
import { conflictRows, defaultChoices, mergeConflict, type Choice, type ConflictState } from '../../lib/form-versions.js';
import { fieldMessage } from '../../lib/problem-messages.js';
import {
  CloseNeedMutation,
  CreateNeedMutation,
  NeedForEditFragmentDoc,
  NeedForEditQuery,
  PublishNeedMutation,
  UpdateNeedMutation,
} from './api/needs.js';
import {
  EMPTY_NEED,
  NEED_FIELDS,
  needFieldOf,
  toNeedInput,
  validateNeed,
  valuesFromNeed,
  type NeedProblem,
  type NeedValues,
} from './need-form.js';

/**
 * The need form's state: values as typed (kept when a save fails), saving at the version the buyer
 * started from, draft → publish → close, and a CONFLICT resolved field by field as in the supplier form.
 * `onCreated` opens the new need's own address (a new page): it is given the problem that stopped a
 * publish or close following the first save, and that page starts with it (`carriedProblem`).
 */
export function useNeedEditor(
  buyerId: string,
  saved: NeedForEditFragment | null,
  onCreated: (id: string, problem?: ApiProblem) => void,
  carriedProblem?: ApiProblem,
) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [values, setValues] = useState<NeedValues>(() => (saved ? valuesFromNeed(saved) : EMPTY_NEED));
  const [base, setBase] = useState<NeedValues | null>(() => (saved ? valuesFromNeed(saved) : null));
  const [need, setNeed] = useState<NeedForEditFragment | null>(saved);
  const [checked, setChecked] = useState<NeedProblem[]>([]);
  const [apiProblem, setApiProblem] = useState<ApiProblem | undefined>(carriedProblem);
  const [conflict, setConflict] = useState<ConflictState<NeedValues> | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [create, created] = useMutation(CreateNeedMutation);
  const [update, updated] = useMutation(UpdateNeedMutation);
  const [publish, published] = useMutation(PublishNeedMutation);
  const [close, closed] = useMutation(CloseNeedMutation);

  const setField = useCallback(<K extends keyof NeedValues>(field: K, value: NeedValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSavedAt(null);
  }, []);

  const accept = useCallback((result: NeedForEditFragment) => {
    const fresh = valuesFromNeed(result);
    setNeed(result);
    setValues(fresh);
    setBase(fresh);
    setSavedAt(result.version);
  }, []);

  const fail = useCallback(
    async (error: unknown, mine: NeedValues) => {
      const problem = problemFrom(error);
      setApiProblem(problem);
      if (problem.code === 'CONFLICT' && need) {
        const latest = await client.query({ query: NeedForEditQuery, variables: { id: need.id }, fetchPolicy: 'network-only' });
        const theirsNeed = getFragmentData(NeedForEditFragmentDoc, latest.data?.sourcingNeed);
        if (theirsNeed) {
          const theirs = valuesFromNeed(theirsNeed);
          const rows = conflictRows(NEED_FIELDS, base, mine, theirs);
          setConflict({ rows, theirs, theirsVersion: theirsNeed.version, choices: defaultChoices(rows) });
          setNeed(theirsNeed);
        }
      }
    },
    [client, need, base],
  );

  /** Saves the values (creating the DRAFT the first time); false when something stopped it. */
  const save = useCallback(
    async (
      override?: { values: NeedValues; version: number },
      options: { deferCreated?: boolean } = {},
    ): Promise<NeedForEditFragment | null> => {
      const current = override?.values ?? values;
      const problems = validateNeed(current);
      setChecked(problems);
      setApiProblem(undefined);
      if (problems.length) return null;
      try {
        if (need) {
          const result = getFragmentData(
            NeedForEditFragmentDoc,
            (await update({ variables: { input: { ...toNeedInput(current), id: need.id, version: override?.version ?? need.version } } }))
              .data?.updateSourcingNeed,
          );
          if (result) accept(result);
          return result ?? null;
        }
        const result = getFragmentData(
          NeedForEditFragmentDoc,
          (await create({ variables: { input: { ...toNeedInput(current), buyerId } } })).data?.createSourcingNeed,
        );
        if (result) {
          accept(result);
          // Opening the new need's own address remounts the page; a publish or close that follows the
          // first save announces it only once done, or its answer would land in the page just left.
          if (!options.deferCreated) onCreated(result.id);
        }
        return result ?? null;
      } catch (error) {
        await fail(error, current);
        return null;
      }
    },
    [values, need, update, create, buyerId, accept, onCreated, fail],
  );

  /** Moves the need along its life: publish (DRAFT → OPEN) or close; unsaved changes are saved first. */
  const transition = useCallback(
    async (to: 'publish' | 'close') => {
      let current = need;
      const creating = !need;
      if (!current || base === null || JSON.stringify(base) !== JSON.stringify(values))
        current = await save(undefined, { deferCreated: true });
      if (!current) return;
      let problem: ApiProblem | undefined;
      try {
        const run = to === 'publish' ? publish : close;
        const data = (await run({ variables: { id: current.id, version: current.version } })).data;
        const result = getFragmentData(
          NeedForEditFragmentDoc,
          data && ('publishSourcingNeed' in data ? data.publishSourcingNeed : data.closeSourcingNeed),
        );
        if (result) accept(result);
      } catch (error) {
        problem = problemFrom(error);
        await fail(error, values);
      } finally {
        if (creating) onCreated(current.id, problem);
      }
    },
    [need, base, values, save, publish, close, accept, fail, onCreated],
  );

  const choose = useCallback(
    (field: string, choice: Choice) => setConflict((c) => (c ? { ...c, choices: { ...c.choices, [field]: choice } } : c)),
    [],
  );
  const chooseAll = useCallback(
    (choice: Choice) => setConflict((c) => (c ? { ...c, choices: Object.fromEntries(c.rows.map((row) => [row.field, choice])) } : c)),
    [],
  );
  const resolveConflict = useCallback(async () => {
    if (!conflict) return;
    const merged = mergeConflict(NEED_FIELDS, values, conflict.theirs, conflict.choices);
    setValues(merged);
    setBase(conflict.theirs);
    setConflict(null);
    await save({ values: merged, version: conflict.theirsVersion });
  }, [conflict, values, save]);

  /** The message for a field: the form's own check first, then the API's answer, in the reader's language. */
  const errorFor = useCallback(
    (field: keyof NeedValues): string | undefined => {
      const own = checked.find((problem) => problem.field === field);
      if (own) return t(`buyer.check.${own.key}`);
      const fromApi = apiProblem?.fields.find((problem) => needFieldOf(problem.field) === field);
      return fromApi ? fieldMessage(t, apiProblem, fromApi.field) : undefined;
    },
    [checked, apiProblem, t],
  );

  const saving = created.loading || updated.loading || published.loading || closed.loading;
  return useMemo(
    () => ({
      values,
      setField,
      need,
      save,
      transition,
      saving,
      savedAt,
      apiProblem,
      conflict,
      choose,
      chooseAll,
      resolveConflict,
      errorFor,
    }),
    [values, setField, need, save, transition, saving, savedAt, apiProblem, conflict, choose, chooseAll, resolveConflict, errorFor],
  );
}

export type NeedEditor = ReturnType<typeof useNeedEditor>;
