import { graphql } from '../../../gql/index.js';

/** What a row of the onboarding list shows of a profile the centre entered. */
export const OnboardingRowFragmentDoc = graphql(`
  fragment OnboardingRow on Supplier {
    id
    version
    nameVi
    taxCode
    createdAt
    onboarding {
      dataSource
      maintainedBy
      published
      claimedAt
      consentRecordedAt
    }
  }
`);

/** The profiles the centre entered, newest first: those still waiting for their SME, or all. */
export const CentreEnteredSuppliersQuery = graphql(`
  query CentreEnteredSuppliers($pending: Boolean!, $first: Int!, $after: String) {
    centreEnteredSuppliers(pending: $pending, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OnboardingRow
        }
      }
    }
  }
`);

/** One profile the centre keeps, for its edit page: the form's fields and the onboarding record. */
export const OnboardingSupplierQuery = graphql(`
  query OnboardingSupplier($id: ID!) {
    supplier(id: $id) {
      ...SupplierForEdit
      ...OnboardingRow
    }
  }
`);

export const CreateSupplierOnBehalfMutation = graphql(`
  mutation CreateSupplierOnBehalf($input: CreateSupplierInput!, $onboarding: OnboardingInput!) {
    createSupplierOnBehalf(input: $input, onboarding: $onboarding) {
      ...SupplierForEdit
      ...OnboardingRow
    }
  }
`);

/** A one-time claim code: its text comes back this once only. */
export const IssueClaimCodeMutation = graphql(`
  mutation IssueClaimCode($supplierId: ID!) {
    issueSupplierClaimCode(supplierId: $supplierId) {
      supplierId
      code
      expiresAt
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($supplierId: ID!, $version: Int!) {
    setSupplierPublicationConsent(supplierId: $supplierId, version: $version, consent: true) {
      ...OnboardingRow
    }
  }
`);
