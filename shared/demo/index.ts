export { DEMO_NOTEBOOK, type DemoBlock, type DemoEntry, demoExperiment } from './nci-h69';
export { protocolBlockNode } from './protocol-block';
