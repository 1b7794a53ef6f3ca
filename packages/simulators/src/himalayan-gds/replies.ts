import { buildXml, type XmlNode } from '@himal/gds/xml';
import type { GdsError } from './error-catalogue.ts';
import { HIMALAYAN_GDS_NS } from './wsdl.ts';

export const ERROR_CODE_OWNER = 'HG';

export function errorMessage(error: GdsError, category: 'EC' | 'WEC' = 'EC'): XmlNode {
  return {
    applicationError: {
      applicationErrorDetail: { error: error.code, errorCategory: category, errorCodeOwner: ERROR_CODE_OWNER },
    },
    errorMessageText: { description: error.text },
  };
}

/** The reply element an operation answers with. */
export function replyElementOf(operation: string): string {
  return operation.startsWith('PNR_') ? 'PNR_Reply' : `${operation}Reply`;
}

/** A reply element in the GDS namespace; `content` keys are in schema order. */
export function replyXml(operation: string, content: XmlNode): string {
  return buildXml({ [replyElementOf(operation)]: { '@_xmlns': HIMALAYAN_GDS_NS, ...content } });
}

export function errorReplyXml(operation: string, error: GdsError): string {
  return replyXml(operation, { errorMessage: [errorMessage(error)] });
}
