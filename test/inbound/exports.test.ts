import { expect, it } from 'vitest';
import * as inbound from '../../src/inbound/index.js';

it('exports the inbound API and nothing else', () => {
  expect(Object.keys(inbound).sort()).toEqual([
    'classifySite',
    'createSiteClassifier',
    'decodeExport',
    'defaultInboundCacheDir',
    'defaultSiteKinds',
    'describeTable',
    'detectTable',
    'fetchRemoteExport',
    'getTableDefinition',
    'inboundCacheDirSchema',
    'inboundColumnsSchema',
    'inboundFileExtensions',
    'inboundFileSourceSchema',
    'inboundOptionsSchema',
    'inboundSourceSchema',
    'inboundUrlSourceSchema',
    'joinInbound',
    'loadInbound',
    'mergeInboundExports',
    'parseInboundExport',
    'resolveInboundCacheDir',
    'siteKinds',
    'siteKindsSchema',
    'suggestPage',
    'tableDefinitions',
  ]);
});
