import { graphql } from '../../../gql/index.js';

/** The SME takes over the profile the centre entered for it, with the code the centre handed over. */
export const ClaimSupplierMutation = graphql(`
  mutation ClaimSupplier($code: String!) {
    claimSupplier(code: $code) {
      id
      nameVi
      onboarding {
        maintainedBy
        published
      }
    }
  }
`);
