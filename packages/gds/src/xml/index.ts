// The SOAP/XML toolkit the adapters speak (@himal/gds/xml): also what the supplier simulators
// (@himal/simulators) read and write their messages with, so both sides share one parser.
export { asArray, buildXml, DEFAULT_MAX_XML_BYTES, parseXml, textOf, type XmlNode } from './safe-xml.ts';
export { attributeOf, childOf, childrenOf, childText, pathOf } from './xml-navigation.ts';
export { parseSoapEnvelope, soapEnvelope } from './soap-envelope.ts';
export { PASSWORD_DIGEST_TYPE, usernameTokenHeader, verifyUsernameToken, type UsernameToken } from './ws-security.ts';
