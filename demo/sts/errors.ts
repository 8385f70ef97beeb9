/**
 * STS errors as they travel on the wire: the `<Code>` the SDKs map to modelled exceptions, the HTTP
 * status, and AWS's message. Codes and statuses follow the STS service model (`awsQueryError`
 * traits) and https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html.
 */
export class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = 'StsError';
  }
}

export const accessDenied = (message: string) => new StsError('AccessDenied', message, 403);

export const validationError = (message: string) => new StsError('ValidationError', message, 400);

export const invalidIdentityToken = (message: string) =>
  new StsError('InvalidIdentityToken', message, 400);

/** The modelled code is `ExpiredTokenException`, unlike the `ExpiredToken` of signed calls. */
export const expiredWebIdentityToken = (message: string) =>
  new StsError('ExpiredTokenException', message, 400);

export const idpCommunicationError = (message: string) =>
  new StsError('IDPCommunicationError', message, 400);

export const malformedPolicyDocument = (message: string) =>
  new StsError('MalformedPolicyDocument', message, 400);

export const packedPolicyTooLarge = (percent: number) =>
  new StsError(
    'PackedPolicyTooLarge',
    `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    400,
  );

export const invalidClientTokenId = () =>
  new StsError(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    403,
  );

export const expiredSecurityToken = () =>
  new StsError('ExpiredToken', 'The security token included in the request is expired', 403);

export const signatureDoesNotMatch = (message?: string) =>
  new StsError(
    'SignatureDoesNotMatch',
    message ??
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );

export const incompleteSignature = (message: string) =>
  new StsError('IncompleteSignature', message, 400);

export const missingAuthenticationToken = () =>
  new StsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);

export const invalidAction = (action: string, version: string | undefined) =>
  new StsError(
    'InvalidAction',
    `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    400,
  );

/** The modelled InvalidAuthorizationMessageException of DecodeAuthorizationMessage. */
export const invalidAuthorizationMessage = () =>
  new StsError(
    'InvalidAuthorizationMessageException',
    'The encoded authorization message is not valid: it may have been cut short, have gained line breaks, or come from another STS (a restarted demo STS cannot read its earlier messages).',
    400,
  );

/** A common AWS error (CommonErrors): a parameter value that is well-formed but unusable. */
export const invalidParameterValue = (message: string) =>
  new StsError('InvalidParameterValue', message, 400);

export const missingAction = () => new StsError('MissingAction', 'Missing Action', 400);

export const requestEntityTooLarge = () =>
  new StsError('RequestEntityTooLarge', 'Request body is too large.', 413);

export const serviceUnavailable = () =>
  new StsError('ServiceUnavailable', 'Service is unable to handle request.', 503, 'Receiver');

export const internalFailure = () =>
  new StsError(
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    500,
    'Receiver',
  );
