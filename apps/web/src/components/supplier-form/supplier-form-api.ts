import { graphql } from '../../gql/index.js';

/** Everything the form edits, with the version to save against. */
export const SupplierForEditFragmentDoc = graphql(`
  fragment SupplierForEdit on Supplier {
    id
    version
    updatedAt
    nameVi
    tradeNameEn
    taxCode
    foundedYear
    employees
    website
    descriptionVi
    descriptionEn
    zone {
      code
    }
    address {
      street
      ward
      province
    }
    processes {
      code
    }
    materials {
      code
    }
    productGroups {
      code
    }
    certifications {
      code
      certificateNumber
      issuingBody
      validFrom
      validUntil
    }
    equipment {
      kind
      count
      maker
      model
    }
    monthlyCapacity {
      value
      unit
    }
    minimumOrderQuantity
    leadTimeDays
    bestToleranceMm
    exportMarkets
    languages
    contact {
      name
      email
      phone
    }
  }
`);

export const SupplierForEditQuery = graphql(`
  query SupplierForEdit($id: ID!) {
    supplier(id: $id) {
      ...SupplierForEdit
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateSupplierInput!) {
    createSupplier(input: $input) {
      ...SupplierForEdit
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($input: UpdateSupplierInput!) {
    updateSupplier(input: $input) {
      ...SupplierForEdit
    }
  }
`);

/** "Fill from our description": capabilities the text mentions, for the member to confirm one by one. */
export const SuggestCapabilitiesQuery = graphql(`
  query SuggestCapabilities($text: String!, $lang: Language!) {
    suggestCapabilities(text: $text, lang: $lang) {
      processes {
        code
        label
        matched
      }
      materials {
        code
        label
        matched
      }
      productGroups {
        code
        label
        matched
      }
      certifications {
        code
        label
        matched
      }
    }
  }
`);
