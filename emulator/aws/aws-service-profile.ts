/**
 * The wire protocols of the AWS services the emulator speaks (Smithy protocol traits):
 * - `ec2`: ec2Query — form-encoded `Action=` request, XML response without a `…Result` wrapper;
 * - `query`: awsQuery — form-encoded `Action=` request, XML response with `…Result` and `ResponseMetadata`;
 * - `json1.0` / `json1.1`: awsJson — `X-Amz-Target` header, JSON body both ways;
 * - `rest-json`: restJson1 — HTTP method and path select the operation, JSON body;
 * - `rest-xml`: restXml — HTTP method and path select the operation, XML body.
 */
export type AwsProtocol = 'ec2' | 'query' | 'json1.0' | 'json1.1' | 'rest-json' | 'rest-xml';

/** How one AWS service puts responses and errors on the wire. */
export interface AwsServiceProfile {
  /** SigV4 signing name, also the `service` of journal entries and fault rules. */
  readonly service: string;
  readonly protocol: AwsProtocol;
  /** XML namespace of responses (`ec2`, `query`, `rest-xml`). */
  readonly xmlNamespace?: string;
  /**
   * awsQueryCompatible JSON services (CloudWatch) also send the query error code in the
   * `x-amzn-query-error: Code;Sender` header, which SDKs prefer over `__type`.
   */
  readonly queryCompatible?: boolean;
}

/** EC2 (ec2Query, API version 2016-11-15). */
export const EC2_PROFILE: AwsServiceProfile = {
  service: 'ec2',
  protocol: 'ec2',
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
};
/** RDS (awsQuery, API version 2014-10-31). */
export const RDS_PROFILE: AwsServiceProfile = {
  service: 'rds',
  protocol: 'query',
  xmlNamespace: 'http://rds.amazonaws.com/doc/2014-10-31/',
};
/** STS (awsQuery, API version 2011-06-15). */
export const STS_PROFILE: AwsServiceProfile = {
  service: 'sts',
  protocol: 'query',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
};
/** CloudWatch over awsQuery (`Action=GetMetricData`), as older SDKs and many independent clients call it. */
export const CLOUDWATCH_QUERY_PROFILE: AwsServiceProfile = {
  service: 'monitoring',
  protocol: 'query',
  xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
};
/** CloudWatch over awsJson1_0 (`GraniteServiceVersion20100801.*`), as current SDKs call it. */
export const CLOUDWATCH_JSON_PROFILE: AwsServiceProfile = {
  service: 'monitoring',
  protocol: 'json1.0',
  queryCompatible: true,
};
/** CloudWatch Logs (awsJson1_1, `Logs_20140328.*`). */
export const LOGS_PROFILE: AwsServiceProfile = { service: 'logs', protocol: 'json1.1' };
/** CloudTrail (awsJson1_1, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*`). */
export const CLOUDTRAIL_PROFILE: AwsServiceProfile = { service: 'cloudtrail', protocol: 'json1.1' };
/** Lambda (restJson1, API version 2015-03-31). */
export const LAMBDA_PROFILE: AwsServiceProfile = { service: 'lambda', protocol: 'rest-json' };
/** S3 (restXml, path-style addressing). */
export const S3_PROFILE: AwsServiceProfile = {
  service: 's3',
  protocol: 'rest-xml',
  xmlNamespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
};

/** Content type of successful responses and errors of a protocol. */
export function contentTypeOf(protocol: AwsProtocol): string {
  switch (protocol) {
    case 'ec2':
    case 'query':
      return 'text/xml;charset=UTF-8';
    case 'json1.0':
      return 'application/x-amz-json-1.0';
    case 'json1.1':
      return 'application/x-amz-json-1.1';
    case 'rest-json':
      return 'application/json';
    case 'rest-xml':
      return 'application/xml';
  }
}
