import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packagedDir, packagedTemplate } from '../../support/packaged-service.js';
import { uploadObjectGrants } from './support.js';

const _ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUCKET = 'lede-dev-eu-west-1-articles';

const Statement = z.object({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
  Condition: z.unknown().optional(),
});
const Role = z.object({
  Properties: z.object({
    Policies: z.array(z.object({ PolicyDocument: z.object({ Statement: z.array(Statement) }) })),
  }),
});
const Template = z.object({
  Resources: z.record(
    z.string(),
    z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }),
  ),
  Outputs: z.record(z.string(), z.unknown()),
});
type Template = z.infer<typeof Template>;

let workDir: string;
let template: Template;

beforeAll(async () => {
  workDir = await packagedDir('defaults');
  template = Template.parse(await packagedTemplate('defaults'));
});

function resource(logicalId: string): Record<string, unknown> {
  const found = template.Resources[logicalId];
  if (found === undefined) throw new Error(`no resource ${logicalId}`);
  return found.Properties ?? {};
}

function ofType(type: string): [string, Record<string, unknown>][] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

function statementsOf(roleId: string): z.infer<typeof Statement>[] {
  const role = Role.parse(template.Resources[roleId]);
  return role.Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

describe('osls package', () => {
  it('builds one zip per function holding only its ESM bundle', async () => {
    for (const fn of ['onUpload', 'api']) {
      expect((await stat(join(workDir, `.serverless/${fn}.zip`))).size).toBeGreaterThan(10_000);
    }
    expect(await readdir(join(workDir, '.serverless'))).toEqual(
      expect.arrayContaining(['api.zip', 'onUpload.zip']),
    );
  });

  it('runs both functions on nodejs22.x, arm64, each with its own role', () => {
    expect(resource('OnUploadLambdaFunction')).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Role: { 'Fn::GetAtt': ['OnUploadRole', 'Arn'] },
    });
    expect(resource('ApiLambdaFunction')).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Role: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
    });
    expect(template.Resources.IamRoleLambdaExecution).toBeUndefined();
  });

  it('triggers onUpload on every object created or removed under incoming/ only', () => {
    const onUpload = (event: string) => ({
      Event: event,
      Function: { 'Fn::GetAtt': ['OnUploadLambdaFunction', 'Arn'] },
      Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'incoming/' }] } },
    });
    expect(resource('S3BucketArticles')).toMatchObject({
      NotificationConfiguration: {
        LambdaConfigurations: [onUpload('s3:ObjectCreated:*'), onUpload('s3:ObjectRemoved:*')],
      },
    });
  });

  it('creates the bucket encrypted, with public access blocked and a TLS-only policy', () => {
    expect(resource('S3BucketArticles')).toMatchObject({
      BucketName: BUCKET,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(resource('ArticlesBucketTlsOnlyPolicy')).toMatchObject({
      Bucket: BUCKET,
      PolicyDocument: {
        Statement: [{ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
      },
    });
  });

  it('grants no wildcard actions or resources, and S3 access only on the prefixes each function needs', () => {
    const roles = ofType('AWS::IAM::Role').map(([id]) => id);
    expect(roles.sort()).toEqual(['ApiRole', 'BackfillRole', 'BatchOperationsRole', 'OnUploadRole']);
    for (const roleId of roles) {
      for (const statement of statementsOf(roleId)) {
        expect(statement.Effect).toBe('Allow');
        for (const action of list(statement.Action)) expect(action).not.toContain('*');
        const resources = JSON.stringify(statement.Resource);
        expect(resources).not.toMatch(/"\*"/);
        expect(resources).not.toMatch(/:::[^/"]+\/\*"/); // never a whole bucket's objects
      }
    }
    const s3Grants = (roleId: string) =>
      statementsOf(roleId)
        .filter((s) => list(s.Action).some((a) => a.startsWith('s3:')))
        .map((s) => ({ actions: list(s.Action), resource: s.Resource, condition: s.Condition }));
    // onUpload alone may delete, and only outputs: a deleted article's analysis goes with it.
    const uploadGrants = uploadObjectGrants(BUCKET);
    expect(s3Grants('OnUploadRole')).toEqual([
      ...uploadGrants.slice(0, 4),
      { actions: ['s3:DeleteObject'], resource: `arn:aws:s3:::${BUCKET}/summaries/*`, condition: undefined },
      ...uploadGrants.slice(4),
    ]);
    expect(s3Grants('ApiRole')).toEqual([
      { actions: ['s3:GetObject'], resource: `arn:aws:s3:::${BUCKET}/summaries/*`, condition: undefined },
      { actions: ['s3:GetObject'], resource: `arn:aws:s3:::${BUCKET}/`, condition: undefined },
      {
        actions: ['s3:ListBucket'],
        resource: `arn:aws:s3:::${BUCKET}`,
        condition: { StringLike: { 's3:prefix': 'summaries/*' } },
      },
    ]);
  });

  it('sends events that still fail after two retries to an SQS queue', () => {
    expect(resource('OnUploadLambdaEvConf')).toMatchObject({
      FunctionName: { Ref: 'OnUploadLambdaFunction' },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] } } },
    });
    expect(template.Resources.FailureQueue?.Type).toBe('AWS::SQS::Queue');
    expect(statementsOf('OnUploadRole')).toContainEqual(
      expect.objectContaining({
        Action: ['sqs:SendMessage'],
        Resource: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] },
      }),
    );
  });

  it('requires the API key on every method except the CORS preflight', () => {
    const methods = ofType('AWS::ApiGateway::Method');
    const lambdaMethods = methods.filter(([, m]) => m.HttpMethod !== 'OPTIONS');
    expect(lambdaMethods.map(([id]) => id).sort()).toEqual([
      'ApiGatewayMethodSummariesAny',
      'ApiGatewayMethodSummariesKeyVarAny',
    ]);
    for (const [, method] of lambdaMethods)
      expect(method).toMatchObject({ ApiKeyRequired: true, HttpMethod: 'ANY' });
    expect(ofType('AWS::ApiGateway::ApiKey')).toHaveLength(1);
    expect(ofType('AWS::ApiGateway::UsagePlanKey')).toHaveLength(1);
  });

  it('throttles and caps the API with a usage plan', () => {
    const [plan] = ofType('AWS::ApiGateway::UsagePlan');
    expect(plan?.[1]).toMatchObject({
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 10000, Period: 'DAY' },
    });
  });

  it('keeps logs for 30 days and outputs the bucket, API URL and failure queue', () => {
    for (const [, group] of ofType('AWS::Logs::LogGroup'))
      expect(group).toMatchObject({ RetentionInDays: 30 });
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['BucketName', 'ApiUrl', 'FailureQueueUrl']),
    );
  });
});
