import { expect, it } from 'vitest';
import * as inbound from '../../src/inbound/index.js';

it('exports the inbound API and nothing else', () => {
  expect(Object.keys(inbound).sort()).toEqual([
    'authorityOf',
    'classifySite',
    'createSiteClassifier',
    'decodeExport',
    'defaultExportLimits',
    'defaultInboundCacheDir',
    'defaultSiteKinds',
    'describeTable',
    'detectTable',
    'downloadExport',
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
    'metricDefinitions',
    'parseInboundExport',
    'parseInboundStream',
    'parseMetric',
    'redactUrl',
    'resolveInboundCacheDir',
    'secretParameterWords',
    'siteKinds',
    'siteKindsSchema',
    'suggestPage',
    'tableDefinitions',
  ]);
});
