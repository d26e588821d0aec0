import { graphql } from '../../../gql/index.js';

export const UpgradePathFieldsFragmentDoc = graphql(`
  fragment UpgradePathFields on UpgradePath {
    changes {
      kind
      description
    }
    additionalNeeds
    onlyTogether
    monthlyVolume {
      unit
      total
    }
    buyerSectors {
      sector {
        code
        label
      }
      needs
    }
    nearMisses
    stillMissing {
      kind
      needs
      description
    }
  }
`);

export const UpgradePathsQuery = graphql(`
  query UpgradePaths($supplierId: ID!, $lang: Language!) {
    upgradePaths(supplierId: $supplierId, lang: $lang, first: 10) {
      supplierId
      openNeedsSeen
      qualifiedNow
      paths {
        ...UpgradePathFields
      }
      combinations {
        ...UpgradePathFields
      }
    }
  }
`);
