import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packagedTemplate } from '../../support/packaged-service.js';

// What tests/integration/lambda/package.test.ts does not already assert about the packaged stack:
// ACLs, the reach of every grant, trust policies, invoke permissions, secrets in the environment,
// the failure queue, and the same guarantees when the stack uses an existing bucket.

const _ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FUNCTION_ROLES = ['ApiRole', 'BackfillRole', 'OnUploadRole'];
// Not checked here: the role osls generates for its existing-bucket custom resource
// (IamRoleCustomResourcesLambdaExecution: s3:PutBucketNotification on the bucket, lambda:AddPermission
// on the account's functions), which only exists with existingBucket=true and is the framework's.

const Statement = z.object({
  Effect: z.string(),
  Principal: z.unknown().optional(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown().optional(),
  Condition: z.unknown().optional(),
});
const Resource = z.object({
  Type: z.string(),
  Properties: z.record(z.string(), z.unknown()).optional(),
});
const Template = z.object({
  Resources: z.record(z.string(), Resource),
  Outputs: z.record(z.string(), z.unknown()),
});
type Template = z.infer<typeof Template>;
const RoleProperties = z.object({
  AssumeRolePolicyDocument: z.object({ Statement: z.array(Statement) }),
  ManagedPolicyArns: z.array(z.unknown()).optional(),
  Policies: z.array(z.object({ PolicyDocument: z.object({ Statement: z.array(Statement) }) })),
});

let owned: Template;
let existing: Template;

beforeAll(async () => {
  owned = Template.parse(await packagedTemplate('defaults'));
  existing = Template.parse(await packagedTemplate('existingBucket'));
});

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

function ofType(template: Template, type: string): [string, Record<string, unknown>][] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

function role(template: Template, id: string): z.infer<typeof RoleProperties> {
  return RoleProperties.parse(template.Resources[id]?.Properties);
}

function grants(template: Template, id: string): z.infer<typeof Statement>[] {
  return role(template, id).Policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

describe.each([
  ['a bucket the stack creates', () => owned],
  ['an existing bucket', () => existing],
])('packaged stack with %s', (_case, template) => {
  it('gives each function role only Allow statements, no managed policies, and trust in Lambda alone', () => {
    for (const id of FUNCTION_ROLES) {
      const { AssumeRolePolicyDocument, ManagedPolicyArns } = role(template(), id);
      expect(ManagedPolicyArns).toBeUndefined();
      expect(AssumeRolePolicyDocument.Statement).toEqual([
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ]);
      for (const statement of grants(template(), id)) expect(statement.Effect).toBe('Allow');
    }
  });

  it('lets no function delete objects (but onUpload its outputs), change ACLs or bucket settings, touch IAM, or write under the input prefix', () => {
    for (const id of FUNCTION_ROLES) {
      for (const statement of grants(template(), id)) {
        for (const action of list(statement.Action)) {
          // A deleted article takes its analysis with it (issue 18): onUpload may delete under summaries/ only.
          if (id === 'OnUploadRole' && action === 's3:DeleteObject') {
            expect(statement.Resource).toMatch(/:::[^/]+\/summaries\/\*$/);
            continue;
          }
          expect(action).not.toMatch(
            /^s3:(Delete|PutBucket|PutObjectAcl|PutLifecycle|PutEncryption)|^(iam|sts|kms):/,
          );
          // Under incoming/ a function may tag the articles it analysed, never write or replace them.
          if (/^s3:Put/.test(action) && !/^s3:Put(Object|ObjectVersion)Tagging$/.test(action)) {
            expect(JSON.stringify(statement.Resource)).not.toMatch(/incoming\//);
          }
        }
      }
    }
    const apiActions = grants(template(), 'ApiRole').flatMap((s) => list(s.Action));
    expect([...new Set(apiActions.filter((action) => !action.startsWith('logs:')))].sort()).toEqual([
      's3:GetObject',
      's3:ListBucket',
    ]);
  });

  it('conditions every ListBucket grant on a prefix', () => {
    for (const id of FUNCTION_ROLES) {
      for (const statement of grants(template(), id)) {
        if (!list(statement.Action).includes('s3:ListBucket')) continue;
        expect(statement.Condition).toMatchObject({
          StringLike: { 's3:prefix': expect.stringMatching(/^[^*]+\/\*$/) },
        });
      }
    }
  });

  it('lets only S3 (this bucket, this account) and API Gateway (this API) invoke the functions, with no function URL', () => {
    expect(ofType(template(), 'AWS::Lambda::Url')).toEqual([]);
    const permissions = ofType(template(), 'AWS::Lambda::Permission');
    expect(permissions.length).toBeGreaterThan(0);
    for (const [, permission] of permissions) {
      expect(permission.Principal).toMatch(/^(s3|apigateway)\.amazonaws\.com$/);
      expect(permission.SourceArn).toBeDefined();
      if (permission.Principal === 's3.amazonaws.com') expect(permission.SourceAccount).toBeDefined();
    }
  });

  it('puts no secret in the functions’ environment or the outputs', () => {
    for (const id of ['OnUploadLambdaFunction', 'ApiLambdaFunction', 'BackfillLambdaFunction']) {
      const fn = template().Resources[id]?.Properties ?? {};
      const variables = z
        .object({ Variables: z.record(z.string(), z.unknown()) })
        .parse(fn.Environment).Variables;
      for (const name of Object.keys(variables)) expect(name).not.toMatch(/KEY|SECRET|TOKEN|PASSWORD/i);
      expect(JSON.stringify(variables)).not.toMatch(/AKIA[0-9A-Z]{12}/);
    }
    const [[, apiKey] = ['', {}]] = ofType(template(), 'AWS::ApiGateway::ApiKey');
    expect(apiKey.Value).toBeUndefined();
    expect(JSON.stringify(template().Outputs)).not.toMatch(/ApiGatewayApiKey/);
  });

  it('keeps failed events in an encrypted queue that only onUpload may send to', () => {
    expect(template().Resources.FailureQueue?.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    expect(ofType(template(), 'AWS::SQS::QueuePolicy')).toEqual([]);
    const senders = FUNCTION_ROLES.filter((id) =>
      grants(template(), id).some((s) => list(s.Action).some((a) => a.startsWith('sqs:'))),
    );
    expect(senders).toEqual(['OnUploadRole']);
  });
});

describe('the bucket the stack creates', () => {
  it('has ACLs disabled (bucket owner enforced)', () => {
    expect(owned.Resources.S3BucketArticles?.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses plain-HTTP requests to the bucket and to every object in it', () => {
    const policy = owned.Resources.ArticlesBucketTlsOnlyPolicy?.Properties;
    expect(policy).toMatchObject({
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [
              'arn:aws:s3:::lede-dev-eu-west-1-articles',
              'arn:aws:s3:::lede-dev-eu-west-1-articles/*',
            ],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    });
  });
});

describe('an existing bucket', () => {
  it('is neither created nor given a policy, and the grants name it', () => {
    // The framework's own deployment bucket is the only one.
    expect(ofType(existing, 'AWS::S3::Bucket').map(([id]) => id)).toEqual(['ServerlessDeploymentBucket']);
    expect(ofType(existing, 'AWS::S3::BucketPolicy').map(([id]) => id)).not.toContain(
      'ArticlesBucketTlsOnlyPolicy',
    );
    const resources = JSON.stringify(grants(existing, 'OnUploadRole').map((s) => s.Resource));
    expect(resources).toContain('arn:aws:s3:::my-existing-articles/incoming/*');
    expect(resources).not.toContain('lede-dev-eu-west-1-articles');
  });
});
