import { graphql } from '../../../gql/index.js';

/** Whether the buyer agreed to be named in its suppliers' published scorecards (its members only). */
export const BuyerConsentQuery = graphql(`
  query BuyerConsent($buyerId: ID!) {
    buyer(id: $buyerId) {
      id
      name
    }
    buyerTrackRecordConsent(buyerId: $buyerId) {
      buyerId
      named
    }
  }
`);

export const SetBuyerConsentMutation = graphql(`
  mutation SetBuyerConsent($buyerId: ID!, $named: Boolean!) {
    setBuyerTrackRecordConsent(buyerId: $buyerId, named: $named) {
      buyerId
      named
    }
  }
`);
