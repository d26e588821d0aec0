import { graphql } from '../../../gql/index.js';

/** Everything the need form edits, with the version to save against. */
export const NeedForEditFragmentDoc = graphql(`
  fragment NeedForEdit on SourcingNeed {
    id
    version
    status
    visibility
    title
    description
    processes {
      code
    }
    materials {
      code
    }
    certifications {
      code
    }
    quantityPerMonth {
      value
      unit
    }
    toleranceMm
    maxLeadTimeDays
    maxDistanceKm
    neededBy
    delivery {
      plant
      location {
        latitude
        longitude
      }
    }
    targetPrice {
      min
      max
      currency
    }
    buyer {
      id
    }
    updatedAt
    publishedAt
  }
`);

/** One of the buyer's needs (NOT_FOUND for anyone who may not see it: the API decides). */
export const NeedForEditQuery = graphql(`
  query NeedForEdit($id: ID!) {
    sourcingNeed(id: $id) {
      id
      ...NeedForEdit
    }
  }
`);

/** The buyer's own needs, newest first. */
export const BuyerNeedsQuery = graphql(`
  query BuyerNeeds($buyerId: ID!) {
    sourcingNeeds(first: 100, filter: { buyerId: $buyerId }) {
      totalCount
      edges {
        node {
          id
          title
          status
          visibility
          updatedAt
          publishedAt
        }
      }
    }
  }
`);

/** The buyer's plants, to pick the delivery point from. */
export const BuyerPlantsQuery = graphql(`
  query BuyerPlants($id: ID!) {
    buyer(id: $id) {
      id
      name
      plants {
        name
        location {
          latitude
          longitude
        }
      }
    }
  }
`);

export const CreateNeedMutation = graphql(`
  mutation CreateNeed($input: CreateSourcingNeedInput!) {
    createSourcingNeed(input: $input) {
      id
      ...NeedForEdit
    }
  }
`);

export const UpdateNeedMutation = graphql(`
  mutation UpdateNeed($input: UpdateSourcingNeedInput!) {
    updateSourcingNeed(input: $input) {
      id
      ...NeedForEdit
    }
  }
`);

export const PublishNeedMutation = graphql(`
  mutation PublishNeed($id: ID!, $version: Int!) {
    publishSourcingNeed(id: $id, version: $version) {
      id
      ...NeedForEdit
    }
  }
`);

export const CloseNeedMutation = graphql(`
  mutation CloseNeed($id: ID!, $version: Int!) {
    closeSourcingNeed(id: $id, version: $version) {
      id
      ...NeedForEdit
    }
  }
`);

/** "Read requirements from the text": each suggestion with the words it came from. */
export const SuggestNeedSpecQuery = graphql(`
  query SuggestNeedSpec($text: String!, $lang: Language) {
    suggestNeedSpec(text: $text, lang: $lang) {
      processes {
        code
        label
        weak
        optional
        sources {
          start
          end
          text
        }
      }
      materials {
        code
        label
        weak
        sources {
          start
          end
          text
        }
      }
      certifications {
        code
        label
        weak
        sources {
          start
          end
          text
        }
      }
      quantityPerMonth {
        value
        unit
        source {
          start
          end
          text
        }
      }
      toleranceMm {
        value
        source {
          start
          end
          text
        }
      }
      maxLeadTimeDays {
        value
        source {
          start
          end
          text
        }
      }
      maxDistanceKm {
        value
        source {
          start
          end
          text
        }
      }
    }
  }
`);

/** The introductions of one need (its buyer only): as many as the API gives, so every supplier's status is known. */
export const NeedIntroductionsQuery = graphql(`
  query NeedIntroductions($needId: ID!) {
    needIntroductions(needId: $needId, first: 500) {
      id
      supplierId
      supplierName
      status
      buyerRevealed
      invitedAt
      respondedAt
      declineReason
      declineText
      message
      updatedAt
    }
  }
`);

/** The latest recorded changes of the need (its buyer only), oldest first. */
export const NeedHistoryQuery = graphql(`
  query NeedHistory($needId: ID!) {
    needHistory(needId: $needId, last: 200) {
      action
      actorId
      at
      details
      introductionId
    }
  }
`);
