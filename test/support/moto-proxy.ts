// Tests and the demo share one proxy for the operations moto does not emulate.
export { jsonServiceError, startMotoProxy, type CannedResponse, type MotoProxy, type ProxiedRequest } from '../../scripts/demo/moto-proxy.js';
