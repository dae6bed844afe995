// Tests, the demo and the benchmark share one way of running moto.
export { freePort, MOTO_ACCOUNT_ID, motoClients, startMoto, TEST_CREDENTIALS, type MotoServer } from '../../scripts/demo/moto-server.js';
