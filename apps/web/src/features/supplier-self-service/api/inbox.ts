import { graphql } from '../../../gql/index.js';

export const InboxQuery = graphql(`
  query Inbox {
    inbox(first: 100) {
      id
      needId
      needTitle
      supplierId
      supplierName
      buyerId
      buyerName
      buyerRevealed
      message
      status
      invitedAt
      respondedAt
      declineReason
      declineText
      needStatus
      awarded
    }
  }
`);

export const RespondToInvitationMutation = graphql(`
  mutation RespondToInvitation($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) {
      id
      status
      respondedAt
      declineReason
      declineText
    }
  }
`);

/** The buyer's contact, which the API shows once the supplier has accepted an introduction. */
export const BuyerContactQuery = graphql(`
  query BuyerContact($id: ID!) {
    buyer(id: $id) {
      id
      name
      contact {
        name
        email
        phone
      }
    }
  }
`);

/** Open needs the supplier could serve, each criterion explained. */
export const MatchNeedsQuery = graphql(`
  query MatchNeeds($supplierId: ID!, $lang: Language!) {
    matchNeeds(supplierId: $supplierId, lang: $lang, first: 20) {
      rank
      score
      missing
      criteria {
        key
        score
        weight
        explanation
      }
      need {
        id
        title
        neededBy
        buyer {
          id
          name
        }
        processes {
          code
          label(lang: $lang)
        }
        quantityPerMonth {
          value
          unit
        }
      }
    }
  }
`);
