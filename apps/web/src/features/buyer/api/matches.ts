import { graphql } from '../../../gql/index.js';

/** The ranked suppliers for a need, every criterion explained in the reader's language. */
export const MatchSuppliersQuery = graphql(`
  query MatchSuppliers($needId: ID!, $weights: MatchWeightsInput, $lang: Language!, $first: Int!) {
    matchSuppliers(needId: $needId, weights: $weights, lang: $lang, first: $first) {
      candidates
      emptyReason
      relaxed
      relaxedConstraints
      matches {
        rank
        score
        missing
        criteria {
          key
          score
          weight
          explanation
          unmet
        }
        supplier {
          id
          nameVi
          tradeNameEn
          verificationStatus
          leadTimeDays
          bestToleranceMm
          location {
            latitude
            longitude
          }
          monthlyCapacity {
            value
            unit
          }
          certifications {
            code
            isValid
            validUntil
          }
          zone {
            code
            label(lang: $lang)
          }
        }
      }
    }
  }
`);

export const ShortlistSuppliersMutation = graphql(`
  mutation ShortlistSuppliers($input: InviteSuppliersInput!) {
    shortlistSuppliers(input: $input) {
      id
      supplierId
      status
    }
  }
`);

export const InviteSuppliersMutation = graphql(`
  mutation InviteSuppliers($input: InviteSuppliersInput!) {
    inviteSuppliers(input: $input) {
      id
      supplierId
      status
      invitedAt
      message
    }
  }
`);

export const RevealBuyerMutation = graphql(`
  mutation RevealBuyer($introductionId: ID!) {
    revealBuyer(introductionId: $introductionId) {
      id
      buyerRevealed
    }
  }
`);

export const AwardNeedMutation = graphql(`
  mutation AwardNeed($needId: ID!, $supplierId: ID!, $version: Int!) {
    awardSourcingNeed(needId: $needId, supplierId: $supplierId, version: $version) {
      id
      status
    }
  }
`);

/** An accepted supplier's contact (the API shows it to the buyer once the supplier accepted). */
export const SupplierContactQuery = graphql(`
  query SupplierContact($id: ID!) {
    supplier(id: $id) {
      id
      contact {
        name
        email
        phone
      }
    }
  }
`);

/** The supplier an awarded need went to, named as the cards name it. */
export const AwardedSupplierQuery = graphql(`
  query AwardedSupplier($id: ID!) {
    supplier(id: $id) {
      id
      nameVi
      tradeNameEn
    }
  }
`);
