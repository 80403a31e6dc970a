import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BATCH_REPORTS_BUCKET, packagedDir, packagedTemplate } from '../../support/packaged-service.js';
import { uploadObjectGrants } from './support.js';

const _ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUCKET = 'lede-dev-eu-west-1-articles';
const REPORTS_BUCKET = BATCH_REPORTS_BUCKET;

const Statement = z.object({
  Effect: z.literal('Allow'),
  Action: z.array(z.string()),
  Resource: z.unknown(),
  Condition: z.unknown().optional(),
});
const Role = z.object({
  Type: z.literal('AWS::IAM::Role'),
  Properties: z.object({
    AssumeRolePolicyDocument: z.object({
      Statement: z.array(
        z.object({
          Effect: z.string(),
          Principal: z.unknown(),
          Action: z.unknown(),
          Condition: z.unknown().optional(),
        }),
      ),
    }),
    Policies: z.array(z.object({ PolicyDocument: z.object({ Statement: z.array(Statement) }) })),
  }),
});
const Template = z.object({
  Resources: z.record(
    z.string(),
    z.object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }),
  ),
  Outputs: z.record(z.string(), z.object({ Value: z.unknown() })),
});
type Template = z.infer<typeof Template>;

let workDir: string;
/** Packaged with the default parameters. */
let template: Template;
/** Packaged with --param batchBucket=REPORTS_BUCKET. */
let withBatchBucket: Template;

beforeAll(async () => {
  workDir = await packagedDir('defaults');
  template = Template.parse(await packagedTemplate('defaults'));
  withBatchBucket = Template.parse(await packagedTemplate('batchBucket'));
});

function resource(t: Template, logicalId: string): Record<string, unknown> {
  const found = t.Resources[logicalId];
  if (found === undefined) throw new Error(`no resource ${logicalId}`);
  return found.Properties ?? {};
}

function role(t: Template, logicalId: string): z.infer<typeof Role> {
  return Role.parse(t.Resources[logicalId]);
}

function statements(t: Template, logicalId: string): z.infer<typeof Statement>[] {
  return role(t, logicalId).Properties.Policies.flatMap((p) => p.PolicyDocument.Statement);
}

describe('osls package: S3 Batch Operations backfill', () => {
  it('packages a backfill function running the Batch Operations handler, with its own role and no trigger', async () => {
    expect((await stat(join(workDir, '.serverless/backfill.zip'))).size).toBeGreaterThan(10_000);
    expect(resource(template, 'BackfillLambdaFunction')).toMatchObject({
      Handler: 'src/lambda/batch-operations.handler',
      Runtime: 'nodejs22.x',
      Role: { 'Fn::GetAtt': ['BackfillRole', 'Arn'] },
    });
    const wiredToBackfill = Object.entries(template.Resources).filter(
      ([, r]) =>
        [
          'AWS::Lambda::Permission',
          'AWS::Lambda::EventSourceMapping',
          'AWS::Lambda::EventInvokeConfig',
        ].includes(r.Type) && JSON.stringify(r.Properties).includes('BackfillLambdaFunction'),
    );
    expect(wiredToBackfill).toEqual([]);
    const notifications = JSON.stringify(resource(template, 'S3BucketArticles').NotificationConfiguration);
    expect(notifications).not.toContain('Backfill');
  });

  it('lets only S3 Batch Operations assume BatchOperationsRole', () => {
    expect(role(template, 'BatchOperationsRole').Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'batchoperations.s3.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: undefined,
      },
    ]);
  });

  it('allows BatchOperationsRole to invoke the backfill function and nothing else, read manifests and write reports under batch-operations/', () => {
    expect(statements(template, 'BatchOperationsRole')).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: { 'Fn::GetAtt': ['BackfillLambdaFunction', 'Arn'] },
      },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: `arn:aws:s3:::${BUCKET}/batch-operations/*`,
      },
      {
        Effect: 'Allow',
        Action: ['s3:PutObject'],
        Resource: `arn:aws:s3:::${BUCKET}/batch-operations/reports/*`,
      },
      { Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: `arn:aws:s3:::${BUCKET}` },
    ]);
  });

  it('points BatchOperationsRole’s S3 grants at the batchBucket parameter when one is given', () => {
    const resources = statements(withBatchBucket, 'BatchOperationsRole').map((s) => s.Resource);
    expect(resources.slice(1)).toEqual([
      `arn:aws:s3:::${REPORTS_BUCKET}/batch-operations/*`,
      `arn:aws:s3:::${REPORTS_BUCKET}/batch-operations/reports/*`,
      `arn:aws:s3:::${REPORTS_BUCKET}`,
    ]);
  });

  it('gives the backfill function the upload trigger’s object access (outputs readable for HEAD) and no more', () => {
    const grants = statements(template, 'BackfillRole').map((s) => ({
      actions: s.Action,
      resource: s.Resource,
      condition: s.Condition,
    }));
    expect(grants).toEqual([
      {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resource: { 'Fn::Sub': expect.stringMatching(/:log-group:\/aws\/lambda\/lede-dev-backfill:\*$/) },
        condition: undefined,
      },
      ...uploadObjectGrants(BUCKET),
    ]);
  });

  it('outputs the function and role ARNs that `aws s3control create-job` needs, and where manifests go', () => {
    expect(template.Outputs.BackfillFunctionArn?.Value).toEqual({
      'Fn::GetAtt': ['BackfillLambdaFunction', 'Arn'],
    });
    expect(template.Outputs.BatchOperationsRoleArn?.Value).toEqual({
      'Fn::GetAtt': ['BatchOperationsRole', 'Arn'],
    });
    expect(template.Outputs.BatchOperationsLocation?.Value).toBe(`s3://${BUCKET}/batch-operations/`);
  });
});
