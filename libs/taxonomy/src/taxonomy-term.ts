import type { Language } from '#libs/core';
import type { TaxonomyKind } from './taxonomy-kind.js';

/** A language of labels and aliases: the platform's languages. */
export type TermLanguage = `${Language}`;

export const TERM_LANGUAGES: readonly TermLanguage[] = ['vi', 'en', 'ja', 'ko'];

/** One term of the taxonomy. Terms handed out by `Taxonomy` are frozen. */
export interface TaxonomyTerm {
  kind: TaxonomyKind;
  /** Stable identifier, e.g. `CNC_MACHINING`; unique within its kind. */
  code: string;
  /** Code of the parent term of the same kind; null for a top-level (group) term. */
  parent: string | null;
  labels: { vi: string; en: string; ja?: string; ko?: string };
  /** Other names people use (shop-floor synonyms, spellings, grades); Vietnamese with diacritics — folding happens in code. */
  aliases: { vi?: string[]; en?: string[]; ja?: string[]; ko?: string[] };
  description?: { vi?: string; en?: string };
  /**
   * Product groups only: the processes that typically make such a part, any one of them (heat sinks:
   * die casting or aluminium extrusion). A request that names the part but no process is read as asking
   * for one of these, weakly (ranked on, never filtered on).
   */
  madeBy?: string[];
  /**
   * Processes only: the material families (material codes) that this process's shops buy per order, as
   * bar, plate or resin, rather than keep in stock. Machining and moulding shops work whichever common
   * grade a drawing names, so a grade such a shop does not list is unknown, not a gap (matching scores it so).
   */
  stockBoughtPerOrder?: string[];
  /** Zones only: approximate position; null for group terms. */
  geo?: { lat: number; lng: number } | null;
  /** Zones only: how the coordinates were obtained (`geocoded`, `district-centre`, `rough`). */
  coordQuality?: string;
  /** Zones only: district before the 2025 reform (informational; many addresses still use it). */
  oldDistrict?: string;
  /** Zones only: ward/commune (phường/xã/đặc khu) after the 2025 reform. */
  ward?: string;
}

/** A term as written in a data file: its kind comes from the file. */
export type TaxonomyTermData = Omit<TaxonomyTerm, 'kind'>;

/** One data file (`libs/taxonomy/data/*.json`): all terms of one kind, at one taxonomy version. */
export interface TaxonomyDataFile {
  version: string;
  kind: TaxonomyKind;
  terms: TaxonomyTermData[];
}
