import './env';

export { N8nHarness, RunResult, chain, httpNode, itemsNode, loadWorkflow, zoomNode } from './harness';
export type { HarnessOptions, RunOptions, WorkflowJson } from './harness';
export type { CredentialUpdate, StoredCredential } from './credentials';
export { HARNESS_HTTP_TYPE, HARNESS_ITEMS_TYPE, PACKAGE_NAME } from './nodes';
export { connectOAuth2, oauth2CredentialData, serverToServerCredentialData } from './zoomCredentials';
export { checkRequestsAgainstOpenApi } from './openapiCheck';
export type { RequestCheck } from './openapiCheck';
export { ZoomFixture, engineWithSimulatorCredential, simulatorControl } from './zoomFixture';
export type { SimulatorHandle, SimulatorLoggedRequest, ZoomFixtureParts } from './zoomFixture';
export { byId, zoomDateTime } from './zoomValues';
