/**
 * The AWS services whose service-linked roles Roleplane creates with CreateServiceLinkedRole: data, one entry per
 * service principal. Each role name is the one the service's own documentation gives (they are not mechanical:
 * ECS is `AWSServiceRoleForECS`, GuardDuty `AWSServiceRoleForAmazonGuardDuty`, Application Auto Scaling fixes
 * its own suffix), and `policy` is the AWS-managed policy the service attaches, under
 * `arn:aws:iam::aws:policy/aws-service-role/`. `customSuffix` is true only where the service documents
 * `AWSServiceRoleFor…_<suffix>` roles (EC2 Auto Scaling); elsewhere IAM refuses a suffix.
 *
 * Sources: each service's "Using service-linked roles" page in its AWS user guide, the AWS Managed Policy
 * Reference for the policy names, and the `iam:CreateServiceLinkedRole` statements of AWS-managed policies, which
 * name the role ARNs (`role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
export interface ServiceLinkedService {
  /** The service principal, the AWSServiceName of CreateServiceLinkedRole (case-sensitive, as in IAM). */
  principal: string;
  /** The service as people call it. */
  service: string;
  /** The role's name; with a custom suffix, `<roleName>_<suffix>`. */
  roleName: string;
  /** Whether the service accepts CustomSuffix. */
  customSuffix: boolean;
  /** The AWS-managed policy's name, under `arn:aws:iam::aws:policy/aws-service-role/`. */
  policy: string;
  /** What the role lets the service do, in a few words of our own. */
  purpose: string;
}

export const SERVICE_LINKED_ROLE_PATH_PREFIX = "/aws-service-role/";
export const SERVICE_ROLE_POLICY_PATH = "/aws-service-role/";

export const SERVICE_LINKED_SERVICES: readonly ServiceLinkedService[] = [
  { principal: "ecs.amazonaws.com", service: "Amazon ECS", roleName: "AWSServiceRoleForECS", customSuffix: false, policy: "AmazonECSServiceRolePolicy", purpose: "Manages cluster networking and load balancer registration for tasks." },
  { principal: "autoscaling.amazonaws.com", service: "Amazon EC2 Auto Scaling", roleName: "AWSServiceRoleForAutoScaling", customSuffix: true, policy: "AutoScalingServiceRolePolicy", purpose: "Launches, terminates and tags instances for Auto Scaling groups." },
  { principal: "ecs.application-autoscaling.amazonaws.com", service: "Application Auto Scaling (ECS services)", roleName: "AWSServiceRoleForApplicationAutoScaling_ECSService", customSuffix: false, policy: "AWSApplicationAutoscalingECSServicePolicy", purpose: "Scales the desired count of ECS services." },
  { principal: "dynamodb.application-autoscaling.amazonaws.com", service: "Application Auto Scaling (DynamoDB tables)", roleName: "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable", customSuffix: false, policy: "AWSApplicationAutoscalingDynamoDBTablePolicy", purpose: "Scales the provisioned capacity of DynamoDB tables." },
  { principal: "elasticloadbalancing.amazonaws.com", service: "Elastic Load Balancing", roleName: "AWSServiceRoleForElasticLoadBalancing", customSuffix: false, policy: "AWSElasticLoadBalancingServiceRolePolicy", purpose: "Manages network interfaces and security groups for load balancers." },
  { principal: "rds.amazonaws.com", service: "Amazon RDS", roleName: "AWSServiceRoleForRDS", customSuffix: false, policy: "AmazonRDSServiceRolePolicy", purpose: "Manages networking, monitoring and logs for database instances." },
  { principal: "replicator.lambda.amazonaws.com", service: "Lambda@Edge (replicator)", roleName: "AWSServiceRoleForLambdaReplicator", customSuffix: false, policy: "AWSLambdaReplicator", purpose: "Replicates Lambda@Edge functions to the Regions CloudFront serves from." },
  { principal: "logger.cloudfront.amazonaws.com", service: "Lambda@Edge (CloudFront logger)", roleName: "AWSServiceRoleForCloudFrontLogger", customSuffix: false, policy: "AWSCloudFrontLogger", purpose: "Writes Lambda@Edge log files to CloudWatch Logs." },
  { principal: "organizations.amazonaws.com", service: "AWS Organizations", roleName: "AWSServiceRoleForOrganizations", customSuffix: false, policy: "AWSOrganizationsServiceTrustPolicy", purpose: "Shares trust with the services integrated with the organization." },
  { principal: "support.amazonaws.com", service: "AWS Support", roleName: "AWSServiceRoleForSupport", customSuffix: false, policy: "AWSSupportServiceRolePolicy", purpose: "Reads account resources to help resolve support cases." },
  { principal: "trustedadvisor.amazonaws.com", service: "AWS Trusted Advisor", roleName: "AWSServiceRoleForTrustedAdvisor", customSuffix: false, policy: "AWSTrustedAdvisorServiceRolePolicy", purpose: "Reads resource configuration for Trusted Advisor checks." },
  { principal: "eks.amazonaws.com", service: "Amazon EKS", roleName: "AWSServiceRoleForAmazonEKS", customSuffix: false, policy: "AmazonEKSServiceRolePolicy", purpose: "Manages the network interfaces and security groups of clusters." },
  { principal: "eks-nodegroup.amazonaws.com", service: "Amazon EKS (node groups)", roleName: "AWSServiceRoleForAmazonEKSNodegroup", customSuffix: false, policy: "AWSServiceRoleForAmazonEKSNodegroup", purpose: "Manages the Auto Scaling groups of managed node groups." },
  { principal: "eks-fargate.amazonaws.com", service: "Amazon EKS (Fargate)", roleName: "AWSServiceRoleForAmazonEKSForFargate", customSuffix: false, policy: "AmazonEKSForFargateServiceRolePolicy", purpose: "Attaches network interfaces to Fargate pods." },
  { principal: "elasticache.amazonaws.com", service: "Amazon ElastiCache", roleName: "AWSServiceRoleForElastiCache", customSuffix: false, policy: "ElastiCacheServiceRolePolicy", purpose: "Manages network interfaces for cache clusters." },
  { principal: "cloudtrail.amazonaws.com", service: "AWS CloudTrail", roleName: "AWSServiceRoleForCloudTrail", customSuffix: false, policy: "CloudTrailServiceRolePolicy", purpose: "Reads the organization's accounts for organization trails." },
  { principal: "config.amazonaws.com", service: "AWS Config", roleName: "AWSServiceRoleForConfig", customSuffix: false, policy: "AWSConfigServiceRolePolicy", purpose: "Reads resource configuration to record it." },
  { principal: "guardduty.amazonaws.com", service: "Amazon GuardDuty", roleName: "AWSServiceRoleForAmazonGuardDuty", customSuffix: false, policy: "AmazonGuardDutyServiceRolePolicy", purpose: "Reads instance, network and bucket metadata for findings." },
  { principal: "inspector.amazonaws.com", service: "Amazon Inspector Classic", roleName: "AWSServiceRoleForAmazonInspector", customSuffix: false, policy: "AmazonInspectorServiceRolePolicy", purpose: "Reads instance and network configuration for assessments." },
  { principal: "inspector2.amazonaws.com", service: "Amazon Inspector", roleName: "AWSServiceRoleForAmazonInspector2", customSuffix: false, policy: "AmazonInspector2ServiceRolePolicy", purpose: "Scans instances, images and functions for vulnerabilities." },
  { principal: "ssm.amazonaws.com", service: "AWS Systems Manager", roleName: "AWSServiceRoleForAmazonSSM", customSuffix: false, policy: "AmazonSSMServiceRolePolicy", purpose: "Manages instances and runs automation on your behalf." },
  { principal: "redshift.amazonaws.com", service: "Amazon Redshift", roleName: "AWSServiceRoleForRedshift", customSuffix: false, policy: "AmazonRedshiftServiceLinkedRolePolicy", purpose: "Manages network interfaces and endpoints for clusters." },
  { principal: "dax.amazonaws.com", service: "DynamoDB Accelerator (DAX)", roleName: "AWSServiceRoleForDAX", customSuffix: false, policy: "DAXServiceRolePolicy", purpose: "Manages network interfaces and security groups for DAX clusters." },
  { principal: "es.amazonaws.com", service: "Amazon OpenSearch Service (legacy name)", roleName: "AWSServiceRoleForAmazonElasticsearchService", customSuffix: false, policy: "AmazonElasticsearchServiceRolePolicy", purpose: "Manages VPC access for Elasticsearch domains." },
  { principal: "opensearchservice.amazonaws.com", service: "Amazon OpenSearch Service", roleName: "AWSServiceRoleForAmazonOpenSearchService", customSuffix: false, policy: "AmazonOpenSearchServiceRolePolicy", purpose: "Manages VPC access and monitoring for OpenSearch domains." },
];

/** The service whose principal is exactly `principal` (IAM's service names are case-sensitive). */
export const findServiceLinkedService = (principal: string): ServiceLinkedService | undefined =>
  SERVICE_LINKED_SERVICES.find((s) => s.principal === principal);

/** `AWSServiceRoleForAutoScaling`, or with a suffix `AWSServiceRoleForAutoScaling_<suffix>`. */
export const serviceLinkedRoleName = (s: ServiceLinkedService, suffix?: string) => (suffix ? `${s.roleName}_${suffix}` : s.roleName);

/** `/aws-service-role/<service principal>/`. */
export const serviceLinkedRolePath = (principal: string) => `${SERVICE_LINKED_ROLE_PATH_PREFIX}${principal}/`;

export const serviceRolePolicyArn = (s: ServiceLinkedService) => `arn:aws:iam::aws:policy${SERVICE_ROLE_POLICY_PATH}${s.policy}`;

/** The trust policy every service-linked role has: only its service may assume it. */
export const serviceLinkedTrustPolicy = (principal: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: principal }, Action: "sts:AssumeRole" }] }, null, 2);

/** The service of a service-linked role, as people call it; the principal itself for one Roleplane has no entry for. */
export const serviceLinkedServiceName = (principal: string) => findServiceLinkedService(principal)?.service ?? principal;

/** IAM's words for the refusals of CreateServiceLinkedRole, quoted from its responses. */
export const serviceLinkedMessages = {
  unknownService: (principal: string) => `Cannot find Service Linked Role template for ${principal}`,
  suffixNotAllowed: (principal: string) => `Custom suffix is not allowed for ${principal}`,
  nameTaken: (roleName: string) => `Service role name ${roleName} has been taken in this account, please try a different suffix.`,
  reservedPath: "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles",
  /** AttachRolePolicy with a service-linked role's policy (a PolicyNotAttachable). */
  serviceRolePolicy: "Cannot attach a Service Role Policy to a Customer Role.",
};
