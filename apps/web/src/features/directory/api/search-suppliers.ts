import { graphql } from '../../../gql/index.js';

/** One result card's data. */
export const SupplierHitFragment = graphql(`
  fragment SupplierHit on SupplierSearchHit {
    distanceKm
    highlights {
      field
      snippet
    }
    supplier {
      id
      nameVi
      tradeNameEn
      verificationStatus
      employees
      location {
        latitude
        longitude
      }
      zone {
        code
        label(lang: $lang)
      }
      processes {
        code
        label(lang: $lang)
      }
      certifications {
        code
        isValid
      }
      monthlyCapacity {
        value
        unit
      }
    }
  }
`);

export const SearchSuppliersQuery = graphql(`
  query SearchSuppliers($input: SearchSuppliersInput!, $lang: Language!) {
    searchSuppliers(input: $input) {
      totalHits
      totalPages
      page
      hits {
        supplier {
          id
        }
        ...SupplierHit
      }
      facets {
        field
        values {
          code
          label
          count
        }
      }
    }
  }
`);
