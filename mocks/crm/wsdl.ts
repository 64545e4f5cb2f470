import { CRM_NS } from '../../lib/soap';
import { ACCOUNT_CARE_OPERATIONS } from './account-care';

export const CRM_OPERATIONS = [
  'GetCustomers',
  'GetAccounts',
  'GetAccountsById',
  'GetUsers',
  'GetUser',
  'AuthenticatePassport',
  'CreateCustomer',
  'GetNotificationPreferences',
  'SetNotificationPreferences',
  'CreateInteraction',
  'GetInteractions',
  // Issue 16: passwords, contact details, erasure (mocks/crm/account-care.ts).
  ...ACCOUNT_CARE_OPERATIONS,
] as const;
export type CrmOperation = (typeof CRM_OPERATIONS)[number];

/** A WSDL 1.1 document for the simulated CRM, as real CRM web services publish one. */
export function crmWsdl(endpoint: string): string {
  const messages = CRM_OPERATIONS.map(
    (op) =>
      `<wsdl:message name="${op}Request"><wsdl:part name="body" element="crm:${op}Request"/></wsdl:message><wsdl:message name="${op}Response"><wsdl:part name="body" element="crm:${op}Response"/></wsdl:message>`,
  ).join('');
  const portOps = CRM_OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op}"><wsdl:input message="crm:${op}Request"/><wsdl:output message="crm:${op}Response"/></wsdl:operation>`,
  ).join('');
  const bindingOps = CRM_OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op}"><soap:operation soapAction="${CRM_NS}#${op}"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`,
  ).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:crm="${CRM_NS}" targetNamespace="${CRM_NS}">
<wsdl:types><xs:schema targetNamespace="${CRM_NS}" elementFormDefault="qualified">${CRM_OPERATIONS.map((op) => `<xs:element name="${op}Request" type="xs:anyType"/><xs:element name="${op}Response" type="xs:anyType"/>`).join('')}</xs:schema></wsdl:types>
${messages}
<wsdl:portType name="CrmPortType">${portOps}</wsdl:portType>
<wsdl:binding name="CrmBinding" type="crm:CrmPortType"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}</wsdl:binding>
<wsdl:service name="CrmService"><wsdl:port name="CrmPort" binding="crm:CrmBinding"><soap:address location="${endpoint}"/></wsdl:port></wsdl:service>
</wsdl:definitions>`;
}
