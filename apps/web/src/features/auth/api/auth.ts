import { graphql } from '../../../gql/index.js';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresIn
      user {
        id
      }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      expiresIn
      user {
        id
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      preferredLanguage
      memberships {
        companyId
        companyKind
      }
    }
  }
`);

export const SupplierNameQuery = graphql(`
  query SupplierName($id: ID!) {
    supplier(id: $id) {
      id
      nameVi
    }
  }
`);

export const BuyerNameQuery = graphql(`
  query BuyerName($id: ID!) {
    buyer(id: $id) {
      id
      name
    }
  }
`);
