import { graphql } from '../../../gql/index.js';

/** An awarded need's deliveries, latest delivered first. */
export const NeedDeliveriesQuery = graphql(`
  query NeedDeliveries($needId: ID!) {
    needDeliveries(needId: $needId) {
      id
      version
      promisedOn
      deliveredOn
      onTime
      quantity
      unit
      defectiveQuantity
      defectsPpm
    }
  }
`);

export const RecordDeliveryMutation = graphql(`
  mutation RecordDelivery($input: RecordDeliveryInput!) {
    recordDelivery(input: $input) {
      id
    }
  }
`);

export const RemoveDeliveryMutation = graphql(`
  mutation RemoveDelivery($id: ID!, $version: Int!) {
    removeDelivery(id: $id, version: $version)
  }
`);

/** A correction at the version the buyer saw; a stale one fails with CONFLICT (the list is fetched again after it). */
export const UpdateDeliveryMutation = graphql(`
  mutation UpdateDelivery($input: UpdateDeliveryInput!) {
    updateDelivery(input: $input) {
      id
      version
    }
  }
`);
