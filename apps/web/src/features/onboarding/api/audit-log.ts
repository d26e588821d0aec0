import { graphql } from '../../../gql/index.js';

/** The newest changes to a supplier's profile (its members and the centre's staff only). */
export const SupplierAuditLogQuery = graphql(`
  query SupplierAuditLog($supplierId: ID!, $first: Int!) {
    supplierAuditLog(supplierId: $supplierId, first: $first) {
      totalCount
      edges {
        node {
          id
          action
          actorName
          actorRole
          at
          changes {
            field
            confidential
            oldValue
            newValue
          }
        }
      }
    }
  }
`);
