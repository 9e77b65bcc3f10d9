/** A starting identity policy for editors: least privilege on one example bucket, for the user to adapt. */
export const STARTER_POLICY = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::example-bucket", "arn:aws:s3:::example-bucket/*"] }],
  },
  null,
  2,
);
