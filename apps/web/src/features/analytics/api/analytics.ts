import type { CoverageDimension } from '../../../gql/graphql.js';
import { graphql } from '../../../gql/index.js';

/** The dimension the coverage dashboard opens with (its loader asks for it before the page renders). */
export const FIRST_COVERAGE_DIMENSION: CoverageDimension = 'PROCESS';

export const SupplyCoverageQuery = graphql(`
  query SupplyCoverage($by: CoverageDimension!, $lang: Language!) {
    supplyCoverage(by: $by, lang: $lang) {
      asOf
      dimension
      rows {
        term {
          code
          label
        }
        parent
        depth
        verifiedSuppliers
        withValidCertification
      }
    }
  }
`);

export const SupplyGapsQuery = graphql(`
  query SupplyGaps($threshold: Int!, $first: Int!, $lang: Language!) {
    supplyGaps(threshold: $threshold, first: $first, lang: $lang) {
      computedAt
      openNeeds
      gapNeeds
      threshold
      needs {
        needId
        title
        qualifiedSuppliers
        capableSuppliers
        bottleneck {
          kind
          term {
            code
            label
          }
        }
      }
      capabilities {
        label
        openNeeds
        suppliers
      }
    }
  }
`);

export const CertificationExpiryQuery = graphql(`
  query CertificationExpiry($withinDays: Int!, $lang: Language!) {
    certificationExpiry(withinDays: $withinDays, lang: $lang, first: 1000) {
      today
      total
      withinDays
      certificates {
        supplierId
        supplierName
        certification {
          code
          label
        }
        validUntil
        daysLeft
        zone {
          label
        }
      }
    }
  }
`);

export const MatchingFunnelQuery = graphql(`
  query MatchingFunnel($from: LocalDate!, $to: LocalDate!, $groupBy: [FunnelDimension!]!, $lang: Language!) {
    matchingFunnel(from: $from, to: $to, groupBy: $groupBy, lang: $lang) {
      from
      to
      rows {
        period
        sector {
          code
          label
        }
        needs
        matched
        invited
        accepted
        awarded
        declineReasons {
          reason
          count
        }
      }
    }
  }
`);

export const LocalisationQuery = graphql(`
  query Localisation($from: LocalDate!, $to: LocalDate!, $enough: Int!, $lang: Language!) {
    localisation(from: $from, to: $to, enough: $enough, lang: $lang) {
      from
      to
      enough
      rows {
        month
        sector {
          code
          label
        }
        openNeeds
        wellSuppliedNeeds
        wellSuppliedShare
        endedNeeds
        awardedLocal
        awardedDomestic
        awardedLocalShare
      }
    }
  }
`);

export const SupplierGrowthQuery = graphql(`
  query SupplierGrowth($from: LocalDate!, $to: LocalDate!, $lang: Language!) {
    supplierGrowth(from: $from, to: $to, lang: $lang) {
      from
      to
      rows {
        month
        zone {
          code
          label
        }
        registered
        verified
        registeredTotal
        verifiedTotal
      }
    }
  }
`);

export const CoachingTargetsQuery = graphql(`
  query CoachingTargets($by: CoachingGapKind!, $threshold: Int!, $lang: Language!) {
    coachingTargets(by: $by, threshold: $threshold, first: 20, perGap: 10, lang: $lang) {
      computedAt
      threshold
      by
      gaps {
        kind
        term {
          code
          label
        }
        openNeeds
        suppliers
        targets {
          supplierId
          supplierName
          zone {
            code
            label
          }
          needs
          monthlyVolume {
            unit
            total
          }
        }
      }
    }
  }
`);
