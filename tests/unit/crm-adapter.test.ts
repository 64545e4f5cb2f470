import http from 'node:http';
import { LegacyError } from '../../lib/errors';
import { close, listen } from '../../lib/http';
import { Resilience } from '../../lib/resilience';
import { CrmAdapter } from '../../legacy/crm/client';
import { createCrm } from '../../mocks/crm/server';
import { generateWorld } from '../../mocks/seed/generate';
import { DEMO_PASSWORD } from '../../mocks/seed/demo';

const world = generateWorld({ seed: 7, customers: 250, usagePerService: 1 });
const crm = createCrm(world);
let server: http.Server;
let adapter: CrmAdapter;

beforeAll(async () => {
  server = crm.createServer();
  adapter = CrmAdapter.create({
    baseUrl: `http://127.0.0.1:${await listen(server, 0)}`,
    timeoutMs: 500,
    resilience: new Resilience(),
  });
});
afterAll(async () => {
  await close(server);
});
beforeEach(() => {
  crm.resetCalls();
  crm.setFaults({ latencyMs: 0, errorRate: 0, timeoutRate: 0, down: false });
});

describe('CRM adapter (SOAP)', () => {
  it('maps customers to domain models and splits bulk look-ups at the CRM cap of 100', async () => {
    const ids = world.customers.slice(0, 230).map((c) => c.id);
    const customers = await adapter.getCustomers(ids);
    expect(customers).toHaveLength(230);
    expect(customers[0]).toEqual({
      id: 'CUST-000001',
      kind: 'COMPANY',
      name: 'Northwind Logistics Ltd',
      email: world.customers[0].email,
      phone: world.customers[0].phone,
      address: world.customers[0].address,
      createdAt: world.customers[0].createdAt,
    });
    expect(crm.callCount('GetCustomers')).toBe(3);
  });

  it('checks passport credentials: right password gives the user, wrong gives null', async () => {
    expect(await adapter.authenticate('nw.manager', DEMO_PASSWORD)).toMatchObject({
      id: 'nw.manager',
      customerId: 'CUST-000001',
      role: 'MANAGER',
    });
    expect(await adapter.authenticate('nw.manager', 'wrong')).toBeNull();
    expect(await adapter.authenticate('<script>', 'x')).toBeNull();
  });

  it('turns SOAP server faults into UPSTREAM_ERROR, a stopped CRM into UPSTREAM_UNAVAILABLE, a hung one into UPSTREAM_TIMEOUT', async () => {
    const codeOf = async () => {
      try {
        await adapter.getCustomers(['CUST-000001']);
        return 'ok';
      } catch (error) {
        return error instanceof LegacyError ? error.code : String(error);
      }
    };
    crm.setFaults({ errorRate: 1 });
    expect(await codeOf()).toBe('UPSTREAM_ERROR');
    crm.setFaults({ errorRate: 0, down: true });
    expect(await codeOf()).toBe('UPSTREAM_UNAVAILABLE');
    crm.setFaults({ down: false, timeoutRate: 1 });
    expect(await codeOf()).toBe('UPSTREAM_TIMEOUT');
  });

  it('refuses payloads it does not understand instead of passing them on', async () => {
    const liar = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetCustomersResponse><customer><id>X</id></customer></GetCustomersResponse></soap:Body></soap:Envelope>',
      );
    });
    const bad = CrmAdapter.create({
      baseUrl: `http://127.0.0.1:${await listen(liar, 0)}`,
      resilience: new Resilience(),
    });
    await expect(bad.getCustomers(['X'])).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', system: 'crm' });
    await close(liar);
  });

  it('serves a WSDL naming every operation', async () => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/crm/soap?wsdl`);
    const wsdl = await res.text();
    for (const op of ['GetCustomers', 'AuthenticatePassport', 'CreateCustomer'])
      expect(wsdl).toContain(`<wsdl:operation name="${op}">`);
  });
});
