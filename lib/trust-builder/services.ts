/**
 * The AWS services a person picks under "AWS service" in the create-role wizard: the service principal each use
 * case trusts and the source condition that guards against the cross-service confused deputy.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
export interface ServiceUseCase {
  /** Stable id used in the wizard's URL (`?service=ec2`). */
  id: string;
  /** The service as the AWS console names it. */
  service: string;
  /** The use case as the AWS console words it. */
  useCase: string;
  principal: string;
  /** Trust actions beyond sts:AssumeRole (EKS Pod Identity also tags sessions). */
  actions: string[];
  /**
   * The `aws:SourceArn` pattern (`{account}` replaced) where the service sends one when it assumes the role.
   * Services that send no source ARN for this use case are guarded by `aws:SourceAccount` alone.
   */
  sourceArn?: string;
  /** EC2 reaches a role only through an instance profile: the wizard creates one of the same name. */
  instanceProfile?: boolean;
}

const ASSUME = ["sts:AssumeRole"];

export const SERVICE_USE_CASES: readonly ServiceUseCase[] = [
  { id: "ec2", service: "EC2", useCase: "Allows EC2 instances to call AWS services on your behalf.", principal: "ec2.amazonaws.com", actions: ASSUME, instanceProfile: true },
  { id: "lambda", service: "Lambda", useCase: "Allows Lambda functions to call AWS services on your behalf.", principal: "lambda.amazonaws.com", actions: ASSUME },
  {
    id: "ecs-tasks",
    service: "Elastic Container Service",
    useCase: "Elastic Container Service Task: allows ECS tasks to call AWS services on your behalf.",
    principal: "ecs-tasks.amazonaws.com",
    actions: ASSUME,
    sourceArn: "arn:aws:ecs:*:{account}:*",
  },
  { id: "eks-cluster", service: "EKS", useCase: "EKS - Cluster: allows the cluster Kubernetes control plane to manage AWS resources on your behalf.", principal: "eks.amazonaws.com", actions: ASSUME },
  {
    id: "eks-pod-identity",
    service: "EKS",
    useCase: "EKS - Pod Identity: allows pods running in an EKS cluster to access AWS resources.",
    principal: "pods.eks.amazonaws.com",
    actions: ["sts:AssumeRole", "sts:TagSession"],
    sourceArn: "arn:aws:eks:*:{account}:cluster/*",
  },
  { id: "glue", service: "Glue", useCase: "Allows Glue to call AWS services on your behalf.", principal: "glue.amazonaws.com", actions: ASSUME },
  {
    id: "cloudformation",
    service: "CloudFormation",
    useCase: "Allows CloudFormation to create and manage AWS stacks and resources on your behalf.",
    principal: "cloudformation.amazonaws.com",
    actions: ASSUME,
    sourceArn: "arn:aws:cloudformation:*:{account}:stack/*",
  },
  {
    id: "codebuild",
    service: "CodeBuild",
    useCase: "Allows CodeBuild to call AWS services on your behalf.",
    principal: "codebuild.amazonaws.com",
    actions: ASSUME,
    sourceArn: "arn:aws:codebuild:*:{account}:project/*",
  },
  {
    id: "step-functions",
    service: "Step Functions",
    useCase: "Allows Step Functions to access AWS resources on your behalf.",
    principal: "states.amazonaws.com",
    actions: ASSUME,
    sourceArn: "arn:aws:states:*:{account}:stateMachine:*",
  },
  { id: "api-gateway", service: "API Gateway", useCase: "Allows API Gateway to push logs to CloudWatch Logs.", principal: "apigateway.amazonaws.com", actions: ASSUME },
  {
    id: "sagemaker",
    service: "SageMaker",
    useCase: "SageMaker - Execution: allows SageMaker notebooks, training jobs and models to call AWS services on your behalf.",
    principal: "sagemaker.amazonaws.com",
    actions: ASSUME,
    sourceArn: "arn:aws:sagemaker:*:{account}:*",
  },
  { id: "batch", service: "Batch", useCase: "Allows Batch to create and manage AWS resources on your behalf.", principal: "batch.amazonaws.com", actions: ASSUME },
  { id: "redshift", service: "Redshift", useCase: "Redshift - Customizable: allows Redshift clusters to call AWS services on your behalf.", principal: "redshift.amazonaws.com", actions: ASSUME },
  { id: "events", service: "EventBridge", useCase: "Allows EventBridge rules to invoke targets on your behalf.", principal: "events.amazonaws.com", actions: ASSUME, sourceArn: "arn:aws:events:*:{account}:rule/*" },
  { id: "firehose", service: "Kinesis Data Firehose", useCase: "Allows Firehose to deliver streams to their destinations.", principal: "firehose.amazonaws.com", actions: ASSUME },
  { id: "backup", service: "AWS Backup", useCase: "Allows AWS Backup to create and restore backups on your behalf.", principal: "backup.amazonaws.com", actions: ASSUME },
];

export const findServiceUseCase = (id: string): ServiceUseCase | undefined => SERVICE_USE_CASES.find((s) => s.id === id);

/** Case-insensitive match on the service, its use case and its principal, in the catalogue's order. */
export function searchServiceUseCases(query: string): ServiceUseCase[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return SERVICE_USE_CASES.filter((s) => {
    const text = `${s.service} ${s.useCase} ${s.principal}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
