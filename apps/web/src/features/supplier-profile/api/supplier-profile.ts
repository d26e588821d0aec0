import { graphql } from '../../../gql/index.js';

export const SupplierProfileQuery = graphql(`
  query SupplierProfile($id: ID!, $lang: Language!) {
    supplier(id: $id) {
      id
      nameVi
      tradeNameEn
      taxCode
      descriptionVi
      descriptionEn
      verificationStatus
      foundedYear
      employees
      website
      ownership {
        type
        country
      }
      address {
        street
        ward
        province
      }
      zone {
        code
        label(lang: $lang)
      }
      location {
        latitude
        longitude
      }
      processes {
        code
        label(lang: $lang)
      }
      materials {
        code
        label(lang: $lang)
      }
      productGroups {
        code
        label(lang: $lang)
      }
      sectors {
        code
        label(lang: $lang)
      }
      certifications {
        code
        isValid
        validFrom
        validUntil
        issuingBody
        certificateNumber
        scope
      }
      equipment {
        kind
        maker
        model
        count
        axes
        bedSize
        clampForceTonnes
        pressTonnage
        notes
      }
      monthlyCapacity {
        value
        unit
      }
      minimumOrderQuantity
      leadTimeDays
      bestToleranceMm
      exportExperience
      exportMarkets
      languages
      contact {
        name
        email
        phone
      }
    }
    processTree: taxonomy(kind: PROCESS, lang: $lang) {
      code
      label
      parentCode
    }
    certificationTerms: taxonomy(kind: CERTIFICATION, lang: $lang) {
      code
      label
    }
  }
`);
