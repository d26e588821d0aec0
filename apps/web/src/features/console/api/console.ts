import { print } from 'graphql';
import { graphql } from '../../../gql/index.js';
import type { ImportRegistryMutation } from '../../../gql/graphql.js';
import { problemFromErrors, type ApiProblem } from '../../../lib/api-errors.js';
import { currentAccessToken, REQUESTED_WITH } from '../../../lib/session.js';

/** One page of the verification queue, the longest waiting first (`after`: the previous page's endCursor). */
export const VerificationQueueQuery = graphql(`
  query VerificationQueue($lang: Language!, $first: Int!, $after: String) {
    verificationQueuePage(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          waitingSince
          previouslyVerifiedAt
          supplier {
            id
            nameVi
            taxCode
            version
            createdAt
            updatedAt
            verificationStatus
            zone {
              code
              label(lang: $lang)
            }
            processes {
              code
              label(lang: $lang)
            }
            certifications {
              code
              validUntil
            }
          }
        }
      }
    }
  }
`);

export const SetVerificationMutation = graphql(`
  mutation SetVerification($input: SetVerificationStatusInput!) {
    setVerificationStatus(input: $input) {
      id
      version
      verificationStatus
    }
  }
`);

export const UsersByEmailQuery = graphql(`
  query UsersByEmail($email: String!) {
    usersByEmail(email: $email) {
      id
      email
      displayName
      role
      memberships {
        companyId
        companyKind
      }
    }
  }
`);

export const SetUserRoleMutation = graphql(`
  mutation SetUserRole($userId: ID!, $role: PlatformRole!) {
    setUserRole(userId: $userId, role: $role) {
      id
      role
    }
  }
`);

export const ConsoleStatusQuery = graphql(`
  query ConsoleStatus {
    searchIndexHealth {
      postgresCount
      indexCount
      pending
      retrying
      oldestPendingAt
      missingCount
      missing
      extraCount
      extra
      staleCount
      stale
      ok
      checkedAt
    }
    supplyGaps(first: 1) {
      computedAt
    }
  }
`);

const ImportRegistry = graphql(`
  mutation ImportRegistry($file: Upload!, $dryRun: Boolean!) {
    importSupplierRegistry(file: $file, dryRun: $dryRun) {
      dryRun
      total
      created
      updated
      unchanged
      rejected
      problemsTruncated
      unknownColumns
      problems {
        line
        taxCode
        field
        reason
        code
        params {
          name
          value
        }
      }
    }
  }
`);

export type ImportSummary = ImportRegistryMutation['importSupplierRegistry'];

/**
 * Sends a registry file as a GraphQL multipart request (the upload endpoint's format; Apollo Client
 * does not upload files), with the preflight header the API requires against cross-site posts.
 */
export async function importRegistry(file: File, dryRun: boolean): Promise<{ summary?: ImportSummary; problem?: ApiProblem }> {
  const body = new FormData();
  body.append('operations', JSON.stringify({ query: print(ImportRegistry), variables: { file: null, dryRun } }));
  body.append('map', JSON.stringify({ 0: ['variables.file'] }));
  body.append('0', file, file.name);
  const token = await currentAccessToken();
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'apollo-require-preflight': 'true', ...REQUESTED_WITH, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = (await res.json().catch(() => ({}))) as { data?: ImportRegistryMutation; errors?: Parameters<typeof problemFromErrors>[0] };
  if (json.errors?.length || !json.data) return { problem: problemFromErrors(json.errors ?? [{ message: `HTTP ${res.status}` }]) };
  return { summary: json.data.importSupplierRegistry };
}
